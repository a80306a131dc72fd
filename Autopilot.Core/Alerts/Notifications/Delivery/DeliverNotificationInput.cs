namespace Autopilot.Core.Alerts.Notifications.Delivery;

/// <summary>Attempt <paramref name="Attempt"/> (0 = first delivery) of one notification, claimed as <paramref name="Owner"/> (the orchestration's instance id).</summary>
public sealed record DeliverNotificationInput(string TenantId, string NotificationId, int Attempt, string Owner);
