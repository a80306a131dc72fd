namespace Autopilot.Core.Agent;

/// <summary>
/// The planner's answer to a question: a goal, ordered steps, the risks it sees and the approvals it expects, the
/// shape of the result it expects, and which planner made it.
/// </summary>
public sealed record AgentPlan(
    string Goal,
    IReadOnlyList<PlanStep> Steps,
    IReadOnlyList<string> Risks,
    IReadOnlyList<string> RequiredApprovals,
    ResultShape ExpectedShape,
    string Planner)
{
    /// <summary>How the planner read the question (word by word); null when a planner does not say, and then the plan is not used.</summary>
    public PlanReading? Reading { get; init; }
}
