namespace Autopilot.Core.Memos;

/// <summary>The memo artifact version a run published.</summary>
public sealed record PublishedMemo(string ArtifactId, int Version);
