using System.Text.Json.Nodes;

namespace Autopilot.Core.Artifacts;

/// <summary>
/// What a build publishes. <see cref="BuildId"/> makes publishing idempotent: the same build publishing twice (a retried
/// or replayed activity) gets the version it already made, never a second one.
/// </summary>
public sealed record ArtifactDraft(
    string Type,
    string Key,
    string BuildId,
    JsonObject Data,
    IReadOnlyList<string> QueryHashes,
    IReadOnlyList<string> Tables);
