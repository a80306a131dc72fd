namespace Autopilot.Core.Alerts.Notifications.Contract;

/// <summary>One notification attempt. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record NotificationView(string NotificationId, string AlertId, string Severity, string EventType, string ChannelType, string? ChannelTarget, string? Recipient, string Status, int RetryCount, string? NextRetryAt, string? LastError, string? SentAt, string? CreatedAt);
