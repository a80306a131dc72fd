namespace Autopilot.Core.Artifacts.Contract;

/// <summary>Body of GET /artifacts. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record ArtifactList(IReadOnlyList<ArtifactListItem> Items);
