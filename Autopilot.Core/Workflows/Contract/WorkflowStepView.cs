namespace Autopilot.Core.Workflows.Contract;

/// <summary>One step of a workflow run. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record WorkflowStepView(string Step, string Status, int Attempts, string? StartedAt, string? FinishedAt, string? OutputHash, string? Error, string? ExecutedBy);
