namespace Autopilot.Core.Workflows.Contract;

/// <summary>Body of POST /workflows/cancel-all. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record WorkflowsCancelled(int CancelledRuns, int CancelledQueued);
