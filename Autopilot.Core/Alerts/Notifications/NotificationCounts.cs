namespace Autopilot.Core.Alerts.Notifications;

/// <summary>A tenant's notifications counted by status (NTF-8); <see cref="RetryBacklog"/> = failed with a retry still scheduled.</summary>
public sealed record NotificationCounts(int Total, int Sent, int Failed, int Queued, int RetryBacklog)
{
    /// <summary>round(sent / total × 100, 2); 0 when there are none.</summary>
    public double SuccessRatePct => Total == 0 ? 0.0 : Math.Round(Sent * 100.0 / Total, 2);
}
