namespace Autopilot.Core.Artifacts.Contract;

/// <summary>Body of GET /artifacts/{artifact_id}/versions. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record ArtifactVersionsPage(string ArtifactId, string? NextCursor, IReadOnlyList<ArtifactVersionView> Items);
