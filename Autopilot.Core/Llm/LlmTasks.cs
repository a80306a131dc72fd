namespace Autopilot.Core.Llm;

/// <summary>The features that call a language model, as usage records name them.</summary>
public static class LlmTasks
{
    public const string Planner = "planner";
    public const string MemoWriter = "memo_writer";

    /// <summary>CHAT-2: the chat front door reading a message's intent (the seed's task name).</summary>
    public const string IntentClassification = "intent_classification";

    /// <summary>LLM-10: a memo generated to compare providers (<c>POST /api/v1/llm/evaluate-memo</c>).</summary>
    public const string MemoEvaluation = "memo_evaluation";

    public const string Unknown = "unknown";
}
