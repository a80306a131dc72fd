using System.Text.Json.Nodes;

namespace Autopilot.Core.Artifacts.Contract;

/// <summary>Body of GET /artifacts/{artifact_id}/lineage. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record ArtifactLineageView(string ArtifactId, string TenantId, IReadOnlyList<JsonNode> Nodes, IReadOnlyList<JsonNode> Edges);
