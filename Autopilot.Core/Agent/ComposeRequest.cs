namespace Autopilot.Core.Agent;

/// <summary>Everything the composer needs to answer: the question, the plan, what ran and the critics' findings.</summary>
public sealed record ComposeRequest(
    string TenantId,
    string RunId,
    string UserId,
    string SessionId,
    string Message,
    string ResponseType,
    string Summary,
    AgentPlan? Plan,
    GateVerdict? Gate,
    ExecutionOutput? Output,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Errors,
    string? FailedStep,
    string? FailureClass)
{
    /// <summary>Set for <see cref="AgentResponseTypes.ClarificationNeeded"/>: what the run could not use and what it can answer.</summary>
    public PlanClarification? Clarification { get; init; }
}
