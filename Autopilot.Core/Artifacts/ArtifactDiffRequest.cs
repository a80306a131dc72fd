namespace Autopilot.Core.Artifacts;

/// <summary>The diff route's query after its schema stage: the versions to compare, when given (ART-7).</summary>
public sealed record ArtifactDiffRequest(int? FromVersion, int? ToVersion);
