namespace Autopilot.Core.Workflows.Contract;

/// <summary>One queued item with its 1-based position. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record QueueItemView(string QueueId, string WorkflowId, string WorkflowType, string? Reason, int Attempts, int Position, string? CreatedAt);
