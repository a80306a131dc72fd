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
    string Planner);
