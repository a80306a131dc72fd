using System.Text.Json.Nodes;

namespace Autopilot.Core.Artifacts.Contract;

/// <summary>Body of GET /artifacts/{artifact_id}: the latest version's hashes and data. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record ArtifactView(string ArtifactId, string TenantId, string Type, int Version, bool Stale, IReadOnlyList<string> QueryHashes, JsonNode? Data, string? CreatedAt);
