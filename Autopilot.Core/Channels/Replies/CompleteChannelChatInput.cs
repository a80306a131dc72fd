using Autopilot.Core.Chat;

namespace Autopilot.Core.Channels.Replies;

/// <summary>Input of <see cref="CompleteChannelChatActivity"/>: the turn and its provisional reply.</summary>
public sealed record CompleteChannelChatInput(ChatTurn Turn, ChatReply Pending);
