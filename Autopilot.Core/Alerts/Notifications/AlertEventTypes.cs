namespace Autopilot.Core.Alerts.Notifications;

/// <summary>The alert events that fan out notifications (NTF-3).</summary>
public static class AlertEventTypes
{
    public const string Created = "created";
    public const string Escalated = "escalated";
    public const string Reminder = "reminder";
}
