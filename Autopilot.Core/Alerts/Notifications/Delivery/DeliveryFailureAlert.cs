namespace Autopilot.Core.Alerts.Notifications.Delivery;

/// <summary>
/// The P0 meta-alert raised when every notification of a P0 alert's event gave up. Its dedupe key is stable per alert, so
/// repeated failures update one alert; it is raised through <see cref="IAlertSink"/> (no notification at creation, AUTO-4),
/// and an event of a meta-alert never raises another, so delivery failures cannot feed themselves.
/// </summary>
public sealed record DeliveryFailureAlert(string TenantId, string AlertId, string EventType, int Notifications)
{
    public const string SourceType = "notification_delivery";

    public static string DedupeKey(string alertId) => $"notification_delivery_failed:{alertId}";
}
