namespace Autopilot.Core.Channels.Replies;

/// <summary>§15's audit event types.</summary>
public static class ChannelAudits
{
    public const string SlackCommand = "slack_command_processed";
    public const string SlackEvent = "slack_event_processed";
    public const string Telegram = "telegram_message_processed";
}
