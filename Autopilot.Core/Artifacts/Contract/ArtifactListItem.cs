namespace Autopilot.Core.Artifacts.Contract;

/// <summary>One artifact in GET /artifacts. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record ArtifactListItem(string ArtifactId, string Type, int Version, bool Stale, string? CreatedAt);
