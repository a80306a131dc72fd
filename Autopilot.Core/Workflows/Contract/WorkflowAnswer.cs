namespace Autopilot.Core.Workflows.Contract;

/// <summary>What a workflow trigger answers: queued, running (202 + status_url), failed, cancelled, or the workflow's own final output (further properties). Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record WorkflowAnswer
{
    public string? WorkflowId { get; init; }

    public string? WorkflowStatus { get; init; }

    public string? Status { get; init; }

    public string? QueueId { get; init; }

    public int? QueuePosition { get; init; }

    public string? Reason { get; init; }

    public string? Message { get; init; }

    public string? StatusUrl { get; init; }

    public string? Error { get; init; }
}
