namespace Autopilot.Core.Chat;

/// <summary>CHAT-5: attached to every chat response — what the message was read as, and by what.</summary>
public sealed record ChatMeta(string IntentAction, bool LlmConfigured, string InterpreterReason, string UserId);
