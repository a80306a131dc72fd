namespace Autopilot.Core.Channels.Messages;

/// <summary>A channel message read by CHAN-4: the org it asks for (<c>org:acme …</c>), if any, and the prompt.</summary>
public sealed record ChannelMessage(string? RequestedOrg, string Prompt);
