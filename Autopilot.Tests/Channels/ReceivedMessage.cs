namespace Autopilot.Tests.Channels;

/// <summary>A message the fake channel APIs accepted: which API, the channel/chat/response path, the text, the thread.</summary>
internal sealed record ReceivedMessage(string Api, string? To, string Text, string? ThreadTs);
