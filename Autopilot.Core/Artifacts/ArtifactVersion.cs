using System.Text.Json.Nodes;

namespace Autopilot.Core.Artifacts;

/// <summary>
/// An immutable snapshot (ART-3): the data, one stable hash per query (SHA-256 of its SQL) and the tables those queries
/// actually read (from the gate's parse tree), which the lineage graph draws.
/// </summary>
public sealed record ArtifactVersion(
    string ArtifactId,
    int Version,
    JsonObject Data,
    IReadOnlyList<string> QueryHashes,
    IReadOnlyList<string> Tables,
    string BuildId,
    DateTimeOffset CreatedAt);
