namespace Autopilot.Core.Alerts.Notifications.Contract;

/// <summary>Body of GET /alerts/notifications. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record NotificationPage(string OrgId, IReadOnlyList<NotificationView> Items, string? NextCursor);
