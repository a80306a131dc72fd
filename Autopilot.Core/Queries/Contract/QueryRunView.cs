using System.Text.Json.Nodes;

namespace Autopilot.Core.Queries.Contract;

/// <summary>Body of POST /queries/approve-run: approved (agent run), executing (202), executed with rows, or blocked. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record QueryRunView(string Status)
{
    public string? PreviewId { get; init; }

    public string? RunId { get; init; }

    public string? WorkflowId { get; init; }

    public string? WorkflowStatus { get; init; }

    public string? StatusUrl { get; init; }

    public string? Message { get; init; }

    public IReadOnlyList<string>? Reasons { get; init; }

    public long? EstimatedBytes { get; init; }

    public long? ActualBytes { get; init; }

    public JsonNode? Rows { get; init; }

    public JsonNode? Columns { get; init; }

    public bool? Truncated { get; init; }

    public JsonNode? RedactedColumns { get; init; }

    public bool? CacheHit { get; init; }

    public bool? StoredResult { get; init; }

    public string? ExecutedAt { get; init; }
}
