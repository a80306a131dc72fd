namespace Autopilot.Core.Llm;

/// <summary>
/// A model call refused before it was sent because the tenant is over its hard-capped monthly budget. Callers treat it
/// like any model failure: the planner and the memo writer fall back to their deterministic paths.
/// </summary>
public sealed class LlmBudgetExceededException : Exception
{
    public LlmBudgetExceededException()
    {
    }

    public LlmBudgetExceededException(string message)
        : base(message)
    {
    }

    public LlmBudgetExceededException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
