namespace Autopilot.Core.Workflows.Contract;

/// <summary>Body of POST /workflows/{workflow_id}/cancel. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record WorkflowCancelled(string WorkflowId, string WorkflowType, string Status, string? FinishedAt);
