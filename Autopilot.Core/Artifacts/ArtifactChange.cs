namespace Autopilot.Core.Artifacts;

/// <summary>One entry of a diff's change list (ART-8).</summary>
public sealed record ArtifactChange(string Type, IReadOnlyList<string>? Values, int? FromVersion, int? ToVersion);
