namespace Autopilot.Core.Chat.Contract;

/// <summary>CHAT-5's <c>meta</c> of a chat answer. Declared for the OpenAPI document.</summary>
public sealed record ChatRunMeta(string IntentAction, bool LlmConfigured, string InterpreterReason, string UserId);
