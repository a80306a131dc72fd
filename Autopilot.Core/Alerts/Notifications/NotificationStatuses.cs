namespace Autopilot.Core.Alerts.Notifications;

/// <summary>A notification's states (NTF-4). <see cref="Queued"/>: created, first attempt not finished yet.</summary>
public static class NotificationStatuses
{
    public const string Queued = "queued";
    public const string Sent = "sent";
    public const string Failed = "failed";
}
