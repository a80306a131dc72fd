namespace Autopilot.Core.Queries.Contract;

/// <summary>Body of POST /queries/preview: the prepared preview, or blocked with reasons. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record QueryPreviewView(string Status, IReadOnlyList<string> Reasons)
{
    public string? PreviewId { get; init; }

    public string? Sql { get; init; }

    public long? EstimatedBytes { get; init; }

    public double? EstimatedCostUsd { get; init; }

    public bool? RequiresApproval { get; init; }

    public string? ExpiresAt { get; init; }

    public long? BytesRemaining { get; init; }

    public long? Budget { get; init; }
}
