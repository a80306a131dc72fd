using Autopilot.Core.Alerts.Notifications.Channels;

namespace Autopilot.Core.Alerts.Notifications.Routing;

/// <summary>A tenant's notification routing (NTF-1), stored in the tenant setting <see cref="SettingName"/>.</summary>
public sealed record NotificationRouting(
    IReadOnlyList<RoutingChannel> Channels,
    IReadOnlyDictionary<string, IReadOnlyList<string>> EscalationRecipients,
    int AckReminderMinutes)
{
    public const string SettingName = "notification_routing";
    public const int DefaultAckReminderMinutes = 30;

    public static NotificationRouting Empty { get; } = new([], EmptyRecipients(), DefaultAckReminderMinutes);

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> EmptyRecipients() =>
        AlertPolicy.Severities.ToDictionary(s => s, _ => (IReadOnlyList<string>)[], StringComparer.Ordinal);

    /// <summary>
    /// NTF-3: the (channel, recipient) pairs an event of an alert of <paramref name="severity"/> goes to — each enabled channel
    /// that includes the severity and has a target, once per recipient of the severity, or once with no recipient.
    /// </summary>
    public IReadOnlyList<(RoutingChannel Channel, string? Recipient)> FanOut(string severity)
    {
        var recipients = EscalationRecipients.TryGetValue(severity, out var list) ? list : [];
        return Channels
            .Where(c => c.Enabled && c.Severities.Contains(severity, StringComparer.Ordinal) && !string.IsNullOrWhiteSpace(c.Target))
            .SelectMany(c => recipients.Count == 0 ? [(c, (string?)null)] : recipients.Select(r => (c, (string?)r)))
            .ToList();
    }

    /// <summary>The routing as the API shows it: no secrets, passwords masked.</summary>
    public object View() => new
    {
        channels = Channels.Select(c => new
        {
            channel_id = c.ChannelId,
            type = c.Type,
            target = ChannelTarget.Display(c.Target, c.ProtectedPassword is not null),
            enabled = c.Enabled,
            severities = c.Severities,
            has_secret = c.ProtectedSecret is not null,
        }).ToList(),
        escalation_recipients = EscalationRecipients,
        ack_reminder_minutes = AckReminderMinutes,
    };
}
