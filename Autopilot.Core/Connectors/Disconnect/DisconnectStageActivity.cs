using Autopilot.Core.Artifacts;
using Autopilot.Core.Caching;
using Autopilot.Core.Catalog;
using Autopilot.Core.Workflows;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Autopilot.Core.Connectors.Disconnect;

/// <summary>
/// Runs one <see cref="DisconnectStage"/>; returns its counts by name. Every stage is safe to repeat: a repeat after a
/// crash finds the work done and counts 0.
/// </summary>
public sealed class DisconnectStageActivity : TaskActivity<DisconnectStageInput, Dictionary<string, long>>
{
    private readonly ConnectionStore _connections;
    private readonly WorkflowCancellation _cancellation;
    private readonly CatalogStore _catalog;
    private readonly ArtifactStore _artifacts;
    private readonly IAutopilotCache _cache;
    private readonly DurableTaskClient _engine;

    /// <param name="engine">Cancelling terminates orchestrations: the server's client from DI, the Functions adapter's own.</param>
    public DisconnectStageActivity(ConnectionStore connections, WorkflowCancellation cancellation, CatalogStore catalog, ArtifactStore artifacts, IAutopilotCache cache, DurableTaskClient engine)
    {
        _connections = connections;
        _cancellation = cancellation;
        _catalog = catalog;
        _artifacts = artifacts;
        _cache = cache;
        _engine = engine;
    }

    public override async Task<Dictionary<string, long>> RunAsync(TaskActivityContext context, DisconnectStageInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (tenant, connection) = (input.TenantId, input.ConnectionId);
        var none = CancellationToken.None;
        switch (input.Stage)
        {
            case DisconnectStage.RevokeCredentials:
                // The stored key is erased; revoking it at Google is the key owner's step (the service has no IAM rights).
                await _connections.DisconnectAsync(tenant, connection, none);
                return [];
            case DisconnectStage.CancelWork:
                var (running, queued) = await _cancellation.CancelAllAsync(_engine, tenant, none);
                return new() { ["cancelled_active_workflows"] = running, ["cancelled_queued_workflows"] = queued };
            case DisconnectStage.DropCatalog:
                return new() { ["catalog_rows_deleted"] = await _catalog.DeleteConnectionAsync(tenant, connection, none) };
            case DisconnectStage.MarkArtifactsStale:
                return new() { ["artifacts_marked_stale"] = await _artifacts.MarkAllStaleAsync(tenant, none) };
            case DisconnectStage.PurgeCache:
                return new() { ["cache_entries_purged"] = await _cache.InvalidateConnectionAsync(tenant, connection, none) };
            default:
                throw new ArgumentOutOfRangeException(nameof(input), input.Stage, "Unknown disconnect stage.");
        }
    }
}
