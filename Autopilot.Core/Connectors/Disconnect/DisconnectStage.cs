namespace Autopilot.Core.Connectors.Disconnect;

/// <summary>The stages of a disconnect, in the order <see cref="DisconnectOrchestration"/> runs them.</summary>
public static class DisconnectStage
{
    /// <summary>Connection marked disconnected and its stored credentials erased, first: nothing new can start on it.</summary>
    public const string RevokeCredentials = "revoke_credentials";

    /// <summary>The tenant's running runs terminated and queued ones removed.</summary>
    public const string CancelWork = "cancel_work";

    public const string DropCatalog = "drop_catalog";

    /// <summary>Every artifact of the tenant marked stale; a regenerated version clears it.</summary>
    public const string MarkArtifactsStale = "mark_artifacts_stale";

    public const string PurgeCache = "purge_cache";

    public static readonly IReadOnlyList<string> All = [RevokeCredentials, CancelWork, DropCatalog, MarkArtifactsStale, PurgeCache];
}
