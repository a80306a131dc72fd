namespace Autopilot.Core.Alerts.Notifications;

/// <summary>What announcing one <see cref="AlertEvent"/> produced: the notification ids, and how many reached their receiver.</summary>
public sealed record AlertNotifyResult(IReadOnlyList<string> NotificationIds, int Sent, int Failed);
