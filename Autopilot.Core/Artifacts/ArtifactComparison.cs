namespace Autopilot.Core.Artifacts;

/// <summary>The result of <see cref="ArtifactDiff.Compare"/>.</summary>
public sealed record ArtifactComparison(int? FromVersion, int? ToVersion, IReadOnlyList<ArtifactChange> Changes, string? Note);
