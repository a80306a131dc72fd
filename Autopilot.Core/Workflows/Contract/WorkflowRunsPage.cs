namespace Autopilot.Core.Workflows.Contract;

/// <summary>Body of GET /workflows/runs. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record WorkflowRunsPage(string OrgId, string? NextCursor, IReadOnlyList<WorkflowRunItem> Items);
