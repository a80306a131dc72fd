namespace Autopilot.Core.Workflows.Contract;

/// <summary>One run in GET /workflows/runs. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record WorkflowRunItem(string WorkflowId, string WorkflowType, string Status, int Attempts, string? FailureClass, string? StartedAt, string? AdmittedAt, string? FinishedAt);
