namespace Autopilot.Core.Agent.Llm;

/// <summary>What <see cref="LlmPlanReader"/> made of a model's answer: a plan, or why there is none.</summary>
public sealed record LlmPlanReading(AgentPlan? Plan, string? Rejection);
