namespace Autopilot.Core.Agent;

/// <summary>One step of a plan. Today every step is <c>execute_query</c> with BigQuery SQL.</summary>
public sealed record PlanStep(string StepId, string Tool, string Sql, string Description);
