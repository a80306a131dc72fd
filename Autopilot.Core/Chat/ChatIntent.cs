namespace Autopilot.Core.Chat;

/// <summary>
/// How a message was read: the action, why (CHAT-5's <c>interpreter_reason</c>), and whether a language model was
/// configured to read it. <see cref="SuggestedSql"/> is the model's SQL for a query — shown, never run as such.
/// </summary>
public sealed record ChatIntent(string Action, string InterpreterReason, bool LlmConfigured, string? SuggestedSql = null);
