using Autopilot.Core.Workflows;
using Microsoft.DurableTask;

namespace Autopilot.Core.Connectors.Disconnect;

/// <summary>
/// Disconnects a tenant's warehouse (CONN-5 in full), one activity per <see cref="DisconnectStage"/>: credentials erased
/// first so nothing new starts on the connection, then in-flight work cancelled, catalog dropped, artifacts marked stale,
/// cache purged, audited. Each stage is checkpointed, so a killed replica resumes at the stage it was on.
/// </summary>
public sealed class DisconnectOrchestration : TaskOrchestrator<DisconnectInput, DisconnectResult>
{
    public override async Task<DisconnectResult> RunAsync(TaskOrchestrationContext context, DisconnectInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var stage in DisconnectStage.All)
        {
            var stageCounts = await context.CallActivityAsync<Dictionary<string, long>>(
                nameof(DisconnectStageActivity), new DisconnectStageInput(input.TenantId, input.ConnectionId, stage), StepRetry.Default);
            foreach (var (name, count) in stageCounts)
            {
                counts[name] = count;
            }
        }

        var result = new DisconnectResult(
            "disconnected",
            input.ConnectionId,
            counts.GetValueOrDefault("cache_entries_purged"),
            counts.GetValueOrDefault("cancelled_active_workflows"),
            counts.GetValueOrDefault("cancelled_queued_workflows"),
            counts.GetValueOrDefault("catalog_rows_deleted"),
            counts.GetValueOrDefault("artifacts_marked_stale"));
        await context.CallActivityAsync(nameof(AuditDisconnectActivity), new AuditDisconnectInput(input.TenantId, result), StepRetry.Default);
        return result;
    }
}
