namespace Autopilot.Core.Channels.Replies;

/// <summary>Input of <see cref="PostChannelReplyActivity"/>: the instance posting (its claim key), the tenant (null when unresolved), the text and where.</summary>
public sealed record PostChannelReplyInput(string InstanceId, string? TenantId, ChannelDestination Destination, string Text);
