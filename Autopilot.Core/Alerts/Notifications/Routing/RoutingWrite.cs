namespace Autopilot.Core.Alerts.Notifications.Routing;

/// <summary>A validated routing write (NTF-2); <see cref="Present"/> is false when the body's <c>routing</c> was not an object (the handler's 400).</summary>
public sealed record RoutingWrite(bool Present, IReadOnlyList<ChannelWrite> Channels, IReadOnlyDictionary<string, IReadOnlyList<string>> EscalationRecipients, int AckReminderMinutes);
