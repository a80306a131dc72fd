using Autopilot.Core.Chat;

namespace Autopilot.Core.Channels.Replies;

/// <summary>
/// What <see cref="ChannelReplyOrchestration"/> answers: a chat turn of a resolved org, or — <see cref="Turn"/> null — a fixed
/// message (Telegram's "not bound"), and where the reply goes.
/// </summary>
public sealed record ChannelReplyInput(ChatTurn? Turn, string? FixedText, ChannelDestination Destination, ChannelAuditEntry? Audit);
