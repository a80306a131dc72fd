namespace Autopilot.Core.Channels.Replies;

/// <summary>
/// Where a reply goes (CHAN-10): a Slack channel (and thread), a slash command's <c>response_url</c>, or a Telegram chat.
/// Exactly the fields its channel needs are set.
/// </summary>
public sealed record ChannelDestination(string Channel, string? SlackChannel = null, string? ThreadTs = null, string? ResponseUrl = null, string? TelegramChatId = null)
{
    public const string Slack = "slack";
    public const string Telegram = "telegram";
}
