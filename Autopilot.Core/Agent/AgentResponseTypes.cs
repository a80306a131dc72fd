namespace Autopilot.Core.Agent;

/// <summary>The seed's <c>response_type</c> values (spec §3.1).</summary>
public static class AgentResponseTypes
{
    public const string QueryResult = "query_result";
    public const string Blocked = "blocked";
    public const string Error = "error";
    public const string PartialFailure = "partial_failure";
}
