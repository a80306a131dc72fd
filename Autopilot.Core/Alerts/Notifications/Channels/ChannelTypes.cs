namespace Autopilot.Core.Alerts.Notifications.Channels;

/// <summary>The kinds of channel a tenant's routing may name (NTF-1); <see cref="Default"/> when a channel names none.</summary>
public static class ChannelTypes
{
    public const string Webhook = "webhook";
    public const string Slack = "slack";
    public const string Teams = "teams";
    public const string Email = "email";
    public const string Default = Email;

    public static IReadOnlyList<string> All { get; } = [Webhook, Slack, Teams, Email];
}
