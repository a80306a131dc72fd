namespace Autopilot.Core.Alerts.Notifications.Contract;

/// <summary>Body of POST /alerts/notifications/retry. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record NotificationsRetried(string OrgId, int Retried, IReadOnlyList<string> NotificationIds);
