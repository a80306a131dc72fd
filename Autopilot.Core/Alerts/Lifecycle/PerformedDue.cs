namespace Autopilot.Core.Alerts.Lifecycle;

/// <summary>An escalation or reminder that was performed: the alert as it became, and the due time it was for.</summary>
public sealed record PerformedDue(Alert Alert, AlertDue Due)
{
    public Notifications.AlertEvent ToEvent() => Due.ToEvent(Alert.TenantId, Alert.AlertId);
}
