namespace Autopilot.Core.Agent;

/// <summary>The seed's <c>response_type</c> values (spec §3.1), plus <see cref="ClarificationNeeded"/>.</summary>
public static class AgentResponseTypes
{
    public const string QueryResult = "query_result";
    public const string Blocked = "blocked";
    public const string Error = "error";
    public const string PartialFailure = "partial_failure";

    /// <summary>The question has words no plan element used, or names a value the data does not hold: the run asks, never guesses.</summary>
    public const string ClarificationNeeded = "clarification_needed";
}
