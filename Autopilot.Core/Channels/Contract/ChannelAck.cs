namespace Autopilot.Core.Channels.Contract;

/// <summary>Body of POST /integrations/telegram/webhook: the update was taken (the answer is sent to the chat). Declared for the OpenAPI document.</summary>
public sealed record ChannelAck(bool Ok);
