namespace Autopilot.Core.Artifacts;

/// <summary>
/// One logical artifact of a tenant — a dashboard template or the weekly memo — and its latest version (ART-2).
/// <see cref="Key"/> names which one within its type ("exec_overview", "weekly").
/// </summary>
public sealed record Artifact(
    string ArtifactId,
    string TenantId,
    string Type,
    string Key,
    int Version,
    bool Stale,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
