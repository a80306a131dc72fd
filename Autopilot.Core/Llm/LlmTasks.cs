namespace Autopilot.Core.Llm;

/// <summary>The features that call a language model, as usage records name them.</summary>
public static class LlmTasks
{
    public const string Planner = "planner";
    public const string MemoWriter = "memo_writer";
    public const string ChatIntent = "chat_intent";
    public const string Unknown = "unknown";
}
