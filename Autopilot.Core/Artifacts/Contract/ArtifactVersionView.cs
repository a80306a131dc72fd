using System.Text.Json.Nodes;

namespace Autopilot.Core.Artifacts.Contract;

/// <summary>One version of an artifact. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record ArtifactVersionView(int Version, string? CreatedAt, IReadOnlyList<string> QueryHashes, JsonNode? Data);
