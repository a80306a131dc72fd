using System.Text.Json.Serialization;

namespace Autopilot.Core.Connectors.Disconnect;

/// <summary>The disconnect's answer (spec §4.2, CONN-6), with what the seed did not report.</summary>
public sealed record DisconnectResult(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("connection_id")] string ConnectionId,
    [property: JsonPropertyName("cache_entries_purged")] long CacheEntriesPurged,
    [property: JsonPropertyName("cancelled_active_workflows")] long CancelledActiveWorkflows,
    [property: JsonPropertyName("cancelled_queued_workflows")] long CancelledQueuedWorkflows,
    [property: JsonPropertyName("catalog_rows_deleted")] long CatalogRowsDeleted,
    [property: JsonPropertyName("artifacts_marked_stale")] long ArtifactsMarkedStale);
