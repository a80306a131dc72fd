namespace Autopilot.Core.Agent;

/// <summary>A plan, or why there is none (the question was not understood).</summary>
public sealed record PlanOutcome(AgentPlan? Plan, string? NotUnderstood, IReadOnlyList<string> Examples);
