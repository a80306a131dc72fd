using System.Text.Json.Nodes;

namespace Autopilot.Core.Artifacts.Contract;

/// <summary>Body of GET /artifacts/{artifact_id}/diff. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record ArtifactDiffView(string ArtifactId, string TenantId, IReadOnlyList<JsonNode> Changes)
{
    public int? FromVersion { get; init; }

    public int? ToVersion { get; init; }

    public string? Note { get; init; }
}
