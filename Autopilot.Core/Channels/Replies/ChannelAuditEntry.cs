namespace Autopilot.Core.Channels.Replies;

/// <summary>
/// The audit row §15 asks for once the message's intent is known: its event type and the fields the channel names
/// (<c>intent_action</c> and <c>response_type</c> are added from the chat's reply).
/// </summary>
public sealed record ChannelAuditEntry(string EventType, IReadOnlyDictionary<string, string> Fields);
