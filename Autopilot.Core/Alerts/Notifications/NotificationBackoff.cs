namespace Autopilot.Core.Alerts.Notifications;

/// <summary>
/// NTF-6: after a failed attempt, the next one waits 1, then 4, then 16 alert-minutes; after the third retry fails the
/// notification gives up (failed, no retry time). Attempt 0 is the first delivery, 1..3 the retries.
/// </summary>
public static class NotificationBackoff
{
    public const int MaxRetries = 3;

    public static IReadOnlyList<int> Minutes { get; } = [1, 4, 16];

    /// <summary>When the attempt after a failed <paramref name="attempt"/> is due; null when that was the last.</summary>
    public static DateTimeOffset? NextRetryAt(int attempt, DateTimeOffset failedAt, TimeSpan alertMinute) =>
        attempt < MaxRetries ? failedAt + (alertMinute * Minutes[attempt]) : null;
}
