namespace Autopilot.Core.Agent;

/// <summary>A plan, or why there is none (the question was not understood).</summary>
public sealed record PlanOutcome(AgentPlan? Plan, string? NotUnderstood, IReadOnlyList<string> Examples)
{
    /// <summary>Set when the run should ask rather than answer: the words it could not use and the closest answerable questions.</summary>
    public PlanClarification? Clarification { get; init; }
}
