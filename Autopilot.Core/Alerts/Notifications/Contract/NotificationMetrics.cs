namespace Autopilot.Core.Alerts.Notifications.Contract;

/// <summary>Body of GET /alerts/notifications/metrics. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record NotificationMetrics(string TenantId, int Total, int Sent, int Failed, int Queued, int RetryBacklog, double SuccessRatePct);
