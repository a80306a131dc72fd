namespace Autopilot.Core.Alerts.Notifications.Delivery;

/// <summary>The notifications of one alert event, and what the give-up rule needs to know of the alert.</summary>
public sealed record FanOutResult(IReadOnlyList<string> NotificationIds, string Severity, string SourceType);
