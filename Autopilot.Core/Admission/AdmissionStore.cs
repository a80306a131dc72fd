using System.Globalization;
using System.Text.Json;
using Autopilot.Core.Engine;
using Autopilot.Core.Storage;
using Azure;
using Azure.Data.Tables;

namespace Autopilot.Core.Admission;

/// <summary>
/// Per-tenant admission, race-free across replicas: one "slots" row per tenant holds the running set and is only
/// ever written with its ETag (optimistic concurrency), in the same partition transaction as the queue rows it
/// changes. Two replicas deciding at once: one commits, the other re-reads and decides again.
/// </summary>
public sealed class AdmissionStore
{
    private const string TableName = "Admission";
    private const string SlotsRow = "slots";
    private const string QueuePrefix = "q|";
    private readonly TableStorage _storage;
    private readonly TimeProvider _time;

    public AdmissionStore(TableStorage storage, TimeProvider time)
    {
        _storage = storage;
        _time = time;
    }

    /// <summary>
    /// Takes a slot for the workflow, or queues it (with <paramref name="queueReason"/>, e.g. an outage, it always queues).
    /// Idempotent per workflow id: asking again returns the same standing.
    /// </summary>
    /// <remarks>
    /// With <paramref name="launch"/> (a new attempt being started), the launch record is written in the same
    /// transaction as the decision, so a decision never exists without what is needed to act on it.
    /// </remarks>
    public async Task<AdmissionDecision> AcquireAsync(string tenantId, string workflowId, int attempt, string workflowType, AdmissionLimits limits, string? queueReason, CancellationToken cancellation, LaunchRecord? launch = null)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var table = await _storage.TableAsync(TableName);
        var partition = TableKey.Escape(tenantId);
        for (var round = 0; ; round++)
        {
            var slots = await ReadSlotsAsync(table, partition, cancellation);
            if (slots.Running.Any(r => r.WorkflowId == workflowId))
            {
                return AdmissionDecision.Running;
            }

            var queue = await ListQueueAsync(table, partition, cancellation);
            var waiting = queue.Where(q => q.Status == QueueStatus.Queued).ToList();
            // A retried workflow keeps its id; its earlier attempts' queue rows are history, not its standing.
            if (queue.FirstOrDefault(q => q.WorkflowId == workflowId && q.Attempts == attempt - 1) is { } known)
            {
                return Standing(known, waiting);
            }

            var now = _time.GetUtcNow();
            var blockedByQueue = waiting.Any(q => q.Reason == QueueReasons.ConcurrencyLimit && AdmissionLimits.SharesCap(q.WorkflowType, workflowType));
            TableTransactionAction[] launchRow = launch is null
                ? []
                : [new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(partition, launch with { CreatedAt = now, Scheduled = false }))];
            try
            {
                if (queueReason is null && !blockedByQueue && limits.Fits(slots.Running, workflowType))
                {
                    var running = slots.Running.Append(new RunningWorkflow(workflowId, workflowType, now)).ToList();
                    await WriteAsync(table, slots with { Running = running }, launchRow, cancellation);
                    return AdmissionDecision.Running;
                }

                var item = new QueueItem(Ids.New("q"), workflowId, workflowType, queueReason ?? QueueReasons.ConcurrencyLimit,
                    QueueStatus.Queued, slots.NextSequence, attempt - 1, now, null);
                await WriteAsync(table, slots with { NextSequence = slots.NextSequence + 1 },
                    [new TableTransactionAction(TableTransactionActionType.Add, ToEntity(partition, item)), .. launchRow], cancellation);
                return new AdmissionDecision(false, false, item.QueueId, waiting.Count + 1, item.Reason);
            }
            catch (Exception ex) when (IsConflict(ex))
            {
                await BackOffAsync(round, cancellation);
            }
        }
    }

    /// <summary>
    /// Frees the workflow's slot (if it holds one) and admits, oldest first, the queued items that now fit and
    /// whose dependency is available. Returns the admitted items; their orchestrations must be told.
    /// </summary>
    public async Task<IReadOnlyList<QueueItem>> ReleaseAsync(string tenantId, string? workflowId, AdmissionLimits limits, Func<QueueItem, bool> dependencyAvailable, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(dependencyAvailable);
        var table = await _storage.TableAsync(TableName);
        var partition = TableKey.Escape(tenantId);
        for (var attempt = 0; ; attempt++)
        {
            var slots = await ReadSlotsAsync(table, partition, cancellation);
            var running = slots.Running.Where(r => r.WorkflowId != workflowId).ToList();
            var waiting = (await ListQueueAsync(table, partition, cancellation)).Where(q => q.Status == QueueStatus.Queued).ToList();
            var now = _time.GetUtcNow();
            var admitted = new List<QueueItem>();
            foreach (var item in waiting)
            {
                // One transaction holds at most 100 actions: the slots row plus 99 admissions.
                if (admitted.Count < TableBatch.MaxActions - 1 && dependencyAvailable(item) && limits.Fits(running, item.WorkflowType))
                {
                    running.Add(new RunningWorkflow(item.WorkflowId, item.WorkflowType, now));
                    admitted.Add(item with { Status = QueueStatus.Admitted, ProcessedAt = now });
                }
            }

            if (running.Count == slots.Running.Count && admitted.Count == 0)
            {
                return [];
            }

            try
            {
                await WriteAsync(table, slots with { Running = running },
                    admitted.Select(a => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(partition, a))).ToList(), cancellation);
                return admitted;
            }
            catch (Exception ex) when (IsConflict(ex))
            {
                await BackOffAsync(attempt, cancellation);
            }
        }
    }

    /// <summary>Marks a queued item cancelled. Returns it, or null when the workflow is not queued.</summary>
    public async Task<QueueItem?> CancelQueuedAsync(string tenantId, string workflowId, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        var partition = TableKey.Escape(tenantId);
        for (var attempt = 0; ; attempt++)
        {
            var slots = await ReadSlotsAsync(table, partition, cancellation);
            var item = (await ListQueueAsync(table, partition, cancellation)).FirstOrDefault(q => q.WorkflowId == workflowId && q.Status == QueueStatus.Queued);
            if (item is null)
            {
                return null;
            }

            var cancelled = item with { Status = QueueStatus.Cancelled, ProcessedAt = _time.GetUtcNow() };
            try
            {
                // Written with the slots row's ETag so a concurrent admission of the same item loses (or wins) cleanly.
                await WriteAsync(table, slots, [new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(partition, cancelled))], cancellation);
                return cancelled;
            }
            catch (Exception ex) when (IsConflict(ex))
            {
                await BackOffAsync(attempt, cancellation);
            }
        }
    }

    public async Task<IReadOnlyList<RunningWorkflow>> ListRunningAsync(string tenantId, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        return (await ReadSlotsAsync(table, TableKey.Escape(tenantId), cancellation)).Running;
    }

    /// <summary>The tenant's queued items, oldest first (positions are their 1-based order).</summary>
    public async Task<IReadOnlyList<QueueItem>> ListQueuedAsync(string tenantId, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        return (await ListQueueAsync(table, TableKey.Escape(tenantId), cancellation)).Where(q => q.Status == QueueStatus.Queued).ToList();
    }

    public async Task<QueueItem?> FindAsync(string tenantId, string workflowId, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        return (await ListQueueAsync(table, TableKey.Escape(tenantId), cancellation)).LastOrDefault(q => q.WorkflowId == workflowId);
    }

    /// <summary>Marks a launch as started (its orchestration exists).</summary>
    public async Task MarkScheduledAsync(LaunchRecord launch, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(launch);
        var table = await _storage.TableAsync(TableName);
        await table.UpsertEntityAsync(ToEntity(TableKey.Escape(launch.TenantId), launch with { Scheduled = true }), TableUpdateMode.Replace, cancellation);
    }

    /// <summary>Launches decided but not (known to be) started, older than <paramref name="olderThan"/>, across tenants.</summary>
    public async Task<IReadOnlyList<LaunchRecord>> UnscheduledLaunchesAsync(DateTimeOffset olderThan, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        var launches = new List<LaunchRecord>();
        var filter = TableClient.CreateQueryFilter($"kind eq {"launch"} and scheduled eq {false} and created_at lt {olderThan}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellation))
        {
            launches.Add(JsonSerializer.Deserialize<LaunchRecord>(entity.GetString("data"), AutopilotJson.Options)!);
        }

        return launches;
    }

    /// <summary>Tenants that have queued work, for the background queue processor.</summary>
    public async Task<IReadOnlyList<string>> TenantsWithQueuedWorkAsync(CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        var tenants = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"status eq {QueueStatus.Queued}"), select: ["tenant_id"], cancellationToken: cancellation))
        {
            tenants.Add(entity.GetString("tenant_id"));
        }

        return tenants.ToList();
    }

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

    private static async Task<List<QueueItem>> ListQueueAsync(TableClient table, string partition, CancellationToken cancellation)
    {
        var items = new List<QueueItem>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {QueuePrefix} and RowKey lt {"q}"}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellation))
        {
            items.Add(JsonSerializer.Deserialize<QueueItem>(entity.GetString("data"), AutopilotJson.Options)!);
        }

        return items.OrderBy(i => i.Sequence).ToList();
    }

    /// <summary>The slots row (with its ETag, or created) and the given queue rows, in one partition transaction.</summary>
    private static Task WriteAsync(TableClient table, Slots slots, IReadOnlyList<TableTransactionAction> queueRows, CancellationToken cancellation)
    {
        var entity = new TableEntity(slots.Partition, SlotsRow)
        {
            ["running"] = JsonSerializer.Serialize(slots.Running, AutopilotJson.Options),
            ["next_sequence"] = slots.NextSequence,
        };
        var slotsAction = slots.ETag is { } etag
            ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, etag)
            : new TableTransactionAction(TableTransactionActionType.Add, entity);
        return TableBatch.SubmitAtomicAsync(table, [slotsAction, .. queueRows], cancellation);
    }

    private static TableEntity ToEntity(string partition, QueueItem item) =>
        new(partition, QueuePrefix + item.Sequence.ToString("D19", CultureInfo.InvariantCulture))
        {
            ["tenant_id"] = Uri.UnescapeDataString(partition),
            ["workflow_id"] = item.WorkflowId,
            ["status"] = item.Status,
            ["data"] = JsonSerializer.Serialize(item, AutopilotJson.Options),
        };

    private static TableEntity ToEntity(string partition, LaunchRecord launch) =>
        new(partition, $"l|{TableKey.Escape(launch.WorkflowId)}|{launch.Attempt.ToString("D5", CultureInfo.InvariantCulture)}")
        {
            ["kind"] = "launch",
            ["tenant_id"] = launch.TenantId,
            ["scheduled"] = launch.Scheduled,
            ["created_at"] = launch.CreatedAt,
            ["data"] = JsonSerializer.Serialize(launch, AutopilotJson.Options),
        };

    private static bool IsConflict(Exception ex) => ex switch
    {
        TableTransactionFailedException failed => failed.Status is 409 or 412,
        RequestFailedException failed => failed.Status is 409 or 412,
        _ => false,
    };

    private static Task BackOffAsync(int attempt, CancellationToken cancellation) =>
        Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 + (Math.Min(attempt, 6) * 20))), cancellation);

    private sealed record Slots(string Partition, ETag? ETag, IReadOnlyList<RunningWorkflow> Running, long NextSequence);
}
