namespace Autopilot.Core.Channels.Replies;

/// <summary>The orchestration's output: the text posted (or that would have been, when the channel has no token) and whether it was posted.</summary>
public sealed record ChannelReplyResult(string Text, bool Posted, bool Final);
