using System.Globalization;
using System.Text.Json;
using Autopilot.Core.Engine;
using Autopilot.Core.Storage;
using Azure;
using Azure.Data.Tables;

namespace Autopilot.Core.Admission;

/// <summary>The admission rows: reading, and the partition transaction that writes them with the slots row.</summary>
public sealed partial class AdmissionStore
{
    private static AdmissionDecision Standing(QueueItem item, List<QueueItem> waiting) => item.Status switch
    {
        QueueStatus.Queued => new AdmissionDecision(false, false, item.QueueId, waiting.FindIndex(q => q.QueueId == item.QueueId) + 1, item.Reason),
        QueueStatus.Cancelled => new AdmissionDecision(false, true, item.QueueId, 0, item.Reason),
        _ => AdmissionDecision.Running with { QueueId = item.QueueId },
    };

    private static async Task<Slots> ReadSlotsAsync(TableClient table, string partition, CancellationToken cancellation)
    {
        var found = await table.GetEntityIfExistsAsync<TableEntity>(partition, SlotsRow, cancellationToken: cancellation);
        if (!found.HasValue)
        {
            return new Slots(partition, null, [], 1);
        }

        var entity = found.Value!;
        var running = JsonSerializer.Deserialize<List<RunningWorkflow>>(entity.GetString("running") ?? "[]", AutopilotJson.Options) ?? [];
        return new Slots(partition, entity.ETag, running, entity.GetInt64("next_sequence") ?? 1);
    }

    private static async Task<List<QueueItem>> ListWaitingAsync(TableClient table, string partition, CancellationToken cancellation)
    {
        var items = new List<QueueItem>();
        await foreach (var entity in table.QueryAsync<TableEntity>(QueueFilter(partition), cancellationToken: cancellation))
        {
            items.Add(FromQueueEntity(entity));
        }

        return items.OrderBy(i => i.Sequence).ToList();
    }

    private static async Task<QueueItem?> ReadStandingAsync(TableClient table, string partition, string workflowId, int attempt, CancellationToken cancellation)
    {
        var found = await table.GetEntityIfExistsAsync<TableEntity>(partition, StandingRow(workflowId, attempt - 1), cancellationToken: cancellation);
        return found.HasValue ? FromQueueEntity(found.Value!) : null;
    }

    /// <summary>The highest attempt's standing: one workflow's range, a handful of rows at most.</summary>
    private static async Task<QueueItem?> LatestStandingAsync(TableClient table, string partition, string workflowId, CancellationToken cancellation)
    {
        var prefix = StandingPrefix + TableKey.Escape(workflowId) + "|";
        QueueItem? latest = null;
        await foreach (var entity in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {prefix} and RowKey lt {prefix + "~"}"), cancellationToken: cancellation))
        {
            latest = FromQueueEntity(entity);
        }

        return latest;
    }

    private static string QueueFilter(string partition) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {QueuePrefix} and RowKey lt {"q}"}");

    private static string LaunchFilter(string partition) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {LaunchPrefix} and RowKey lt {"l}"} and scheduled eq {false}");

    /// <summary>The slots row (with its ETag, or created) and the given rows, in one partition transaction.</summary>
    private static Task WriteAsync(TableClient table, Slots slots, IReadOnlyList<TableTransactionAction> rows, CancellationToken cancellation)
    {
        var entity = new TableEntity(slots.Partition, SlotsRow)
        {
            ["running"] = JsonSerializer.Serialize(slots.Running, AutopilotJson.Options),
            ["next_sequence"] = slots.NextSequence,
        };
        var slotsAction = slots.ETag is { } etag
            ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, etag)
            : new TableTransactionAction(TableTransactionActionType.Add, entity);
        return TableBatch.SubmitAtomicAsync(table, [slotsAction, .. rows], cancellation);
    }

    private static TableTransactionAction Add(TableEntity entity) => new(TableTransactionActionType.Add, entity);

    private static TableTransactionAction Put(TableEntity entity) => new(TableTransactionActionType.UpsertReplace, entity);

    private static TableTransactionAction Delete(string partition, string row) =>
        new(TableTransactionActionType.Delete, new TableEntity(partition, row), ETag.All);

    private static string QueueRow(QueueItem item) => QueuePrefix + item.Sequence.ToString("D19", CultureInfo.InvariantCulture);

    private static string StandingRow(string workflowId, int attempts) =>
        $"{StandingPrefix}{TableKey.Escape(workflowId)}|{attempts.ToString("D5", CultureInfo.InvariantCulture)}";

    private static TableEntity QueueEntity(string partition, QueueItem item) => ItemEntity(partition, QueueRow(item), item);

    private static TableEntity StandingEntity(string partition, QueueItem item) => ItemEntity(partition, StandingRow(item.WorkflowId, item.Attempts), item);

    private static TableEntity ItemEntity(string partition, string row, QueueItem item) =>
        new(partition, row)
        {
            ["tenant_id"] = Uri.UnescapeDataString(partition),
            ["workflow_id"] = item.WorkflowId,
            ["status"] = item.Status,
            ["data"] = JsonSerializer.Serialize(item, AutopilotJson.Options),
        };

    private static QueueItem FromQueueEntity(TableEntity entity) => JsonSerializer.Deserialize<QueueItem>(entity.GetString("data"), AutopilotJson.Options)!;

    private static TableEntity ToEntity(string partition, LaunchRecord launch) =>
        new(partition, $"{LaunchPrefix}{TableKey.Escape(launch.WorkflowId)}|{launch.Attempt.ToString("D5", CultureInfo.InvariantCulture)}")
        {
            ["kind"] = "launch",
            ["tenant_id"] = launch.TenantId,
            ["scheduled"] = launch.Scheduled,
            ["created_at"] = launch.CreatedAt,
            ["data"] = JsonSerializer.Serialize(launch, AutopilotJson.Options),
        };

    private sealed record Slots(string Partition, ETag? ETag, List<RunningWorkflow> Running, long NextSequence);
}
