namespace Autopilot.Core.Artifacts;

/// <summary>The list route's query after its schema stage: an optional type that is one of ART-1's.</summary>
public sealed record ArtifactListRequest(string? Type);
