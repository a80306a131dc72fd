namespace Autopilot.Core.Alerts.Notifications;

/// <summary>What a notification says (NTF-4 payload): the alert's title and message when the event happened.</summary>
public sealed record NotificationPayload(string Title, string Message);
