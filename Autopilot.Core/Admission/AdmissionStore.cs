using System.Text.Json;
using Autopilot.Core.Api;
using Autopilot.Core.Engine;
using Autopilot.Core.Storage;
using Azure;
using Azure.Data.Tables;

namespace Autopilot.Core.Admission;

/// <summary>
/// Per-tenant admission, race-free across replicas: one "slots" row per tenant holds the running set and is only
/// ever written with its ETag (optimistic concurrency, <see cref="AdmissionRetry"/>), in the same partition
/// transaction as the queue rows it changes. Two replicas deciding at once: one commits, the other re-reads.
/// </summary>
/// <remarks>
/// Rows of a tenant's partition: <c>slots</c>; <c>q|{sequence}</c> for each item still waiting (deleted when it is
/// admitted or cancelled, so reading the queue reads only what waits); <c>w|{workflow}|{attempt}</c>, the item's
/// standing, read by point or by one workflow's range, which answers a repeated ask (admitted, cancelled) without
/// the queue's history; <c>l|{workflow}|{attempt}</c>, a launch not yet known to be started (deleted once it is).
/// Tenants that may have such rows are listed in the <see cref="PendingWorkIndex"/>.
/// </remarks>
public sealed partial class AdmissionStore
{
    private const string TableName = "Admission";
    private const string SlotsRow = "slots";
    private const string QueuePrefix = "q|";
    private const string StandingPrefix = "w|";
    private const string LaunchPrefix = "l|";
    private readonly TableStorage _storage;
    private readonly PendingWorkIndex _pending;
    private readonly TimeProvider _time;
    private readonly ServiceSlots? _service;

    /// <param name="service">The service-wide in-flight limit on top of the tenant caps; none when null.</param>
    public AdmissionStore(TableStorage storage, PendingWorkIndex pending, TimeProvider time, ServiceSlots? service = null)
    {
        _storage = storage;
        _pending = pending;
        _time = time;
        _service = service;
    }

    /// <summary>
    /// Takes a slot for the workflow, or queues it (with <paramref name="queueReason"/>, e.g. an outage, it always queues).
    /// Idempotent per workflow attempt: asking again returns the same standing.
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
        var marked = false;

        // The service slot is taken before the tenant's optimistic read-decide-write, not inside it: inside, its
        // round trips would widen the window in which concurrent admissions of the tenant collide. If the tenant
        // then queues the work instead, the slot goes back below. Only for a new launch: a queued workflow asking again
        // is admitted by a release pass, not here.
        var heldService = launch is not null && queueReason is null && await TakeServiceSlotAsync(tenantId, workflowId, workflowType, cancellation);
        var decision = await AdmissionRetry.RunAsync(tenantId, async _ =>
        {
            var slots = await ReadSlotsAsync(table, partition, cancellation);
            if (slots.Running.Any(r => r.WorkflowId == workflowId))
            {
                return AdmissionDecision.Running;
            }

            var waiting = await ListWaitingAsync(table, partition, cancellation);
            if (await ReadStandingAsync(table, partition, workflowId, attempt, cancellation) is { } known)
            {
                return Standing(known, waiting);
            }

            if (!marked)
            {
                // Before the decision commits: the sweep must find this tenant if a crash follows the commit.
                await _pending.MarkAsync(tenantId, cancellation);
                marked = true;
            }

            var now = _time.GetUtcNow();
            var blocker = waiting.FirstOrDefault(q => q.Reason is QueueReasons.ConcurrencyLimit or QueueReasons.ServiceLimit && AdmissionLimits.SharesCap(q.WorkflowType, workflowType));
            var fits = limits.Fits(slots.Running, workflowType);
            TableTransactionAction[] launchRow = launch is null
                ? []
                : [new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(partition, launch with { CreatedAt = now, Scheduled = false }))];
            var reason = queueReason ?? (!fits ? QueueReasons.ConcurrencyLimit : blocker?.Reason);
            if (reason is null)
            {
                // The tenant's caps allow it; the service-wide limit must too (the slot is taken first, so a lost
                // race below keeps it for the next round, and a decision to queue instead gives it back).
                heldService = heldService || await TakeServiceSlotAsync(tenantId, workflowId, workflowType, cancellation);
                if (heldService)
                {
                    var running = slots.Running.Append(new RunningWorkflow(workflowId, workflowType, now)).ToList();
                    await WriteAsync(table, slots with { Running = running }, launchRow, cancellation);
                    return AdmissionDecision.Running;
                }

                reason = QueueReasons.ServiceLimit;
            }

            var item = new QueueItem(Ids.New("q"), workflowId, workflowType, reason,
                QueueStatus.Queued, slots.NextSequence, attempt - 1, now, null);
            await WriteAsync(table, slots with { NextSequence = slots.NextSequence + 1 },
                [Add(QueueEntity(partition, item)), Put(StandingEntity(partition, item)), .. launchRow], cancellation);
            return new AdmissionDecision(false, false, item.QueueId, waiting.Count + 1, item.Reason);
        }, cancellation);

        if (heldService && !decision.Admitted && _service is not null)
        {
            await _service.ReleaseAsync(tenantId, workflowId, cancellation);
        }

        return decision;
    }

    /// <summary>Takes (or confirms) the workflow's service-wide slot; true when there is no service limit or the type is exempt.</summary>
    private async Task<bool> TakeServiceSlotAsync(string tenantId, string workflowId, string workflowType, CancellationToken cancellation) =>
        _service is null || !ServiceSlots.Applies(workflowType) || await _service.TryTakeAsync(tenantId, workflowId, cancellation);

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
        if (workflowId is not null && _service is not null)
        {
            // Freed first, so the next queued item (of this tenant or, at the sweep, another's) can take it now. A crash
            // before the tenant row is written leaves the tenant slot, which the finishing orchestration or the sweep frees again.
            await _service.ReleaseAsync(tenantId, workflowId, cancellation);
        }

        var taken = new HashSet<string>(StringComparer.Ordinal);
        var result = await AdmissionRetry.RunAsync<IReadOnlyList<QueueItem>>(tenantId, async _ =>
        {
            var slots = await ReadSlotsAsync(table, partition, cancellation);
            var running = slots.Running.Where(r => r.WorkflowId != workflowId).ToList();
            var waiting = await ListWaitingAsync(table, partition, cancellation);
            var now = _time.GetUtcNow();
            var admitted = new List<QueueItem>();
            var serviceFull = false;
            foreach (var item in waiting)
            {
                // One transaction holds at most 100 actions: the slots row plus two per admission.
                if (admitted.Count < (TableBatch.MaxActions - 1) / 2 && dependencyAvailable(item) && limits.Fits(running, item.WorkflowType)
                    && !(serviceFull && ServiceSlots.Applies(item.WorkflowType)))
                {
                    if (!taken.Contains(item.WorkflowId) && !await TakeServiceSlotAsync(tenantId, item.WorkflowId, item.WorkflowType, cancellation))
                    {
                        serviceFull = true;
                        continue;
                    }

                    taken.Add(item.WorkflowId);

                    running.Add(new RunningWorkflow(item.WorkflowId, item.WorkflowType, now));
                    admitted.Add(item with { Status = QueueStatus.Admitted, ProcessedAt = now });
                }
            }

            if (running.Count == slots.Running.Count && admitted.Count == 0)
            {
                return [];
            }

            await WriteAsync(table, slots with { Running = running },
                admitted.SelectMany(a => new[] { Delete(partition, QueueRow(a)), Put(StandingEntity(partition, a)) }).ToList(), cancellation);
            return admitted;
        }, cancellation);

        // A slot taken in a round that lost its race stays with its item even if this call did not admit it: the race
        // is usually lost to another pass admitting the same item, whose admission that very row backs (taking is
        // idempotent per workflow). An item nobody admitted keeps the slot until a pass admits it, or the sweep's repair
        // frees it (<see cref="QueueProcessor.RepairServiceSlotsAsync"/>).
        return result;
    }

    /// <summary>Marks a queued item cancelled (its queue row goes). Returns it, or null when the workflow is not queued.</summary>
    public async Task<QueueItem?> CancelQueuedAsync(string tenantId, string workflowId, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        var partition = TableKey.Escape(tenantId);
        return await AdmissionRetry.RunAsync(tenantId, async _ =>
        {
            var slots = await ReadSlotsAsync(table, partition, cancellation);
            var item = await LatestStandingAsync(table, partition, workflowId, cancellation);
            if (item is not { Status: QueueStatus.Queued })
            {
                return null;
            }

            var cancelled = item with { Status = QueueStatus.Cancelled, ProcessedAt = _time.GetUtcNow() };

            // Written with the slots row's ETag so a concurrent admission of the same item loses (or wins) cleanly.
            await WriteAsync(table, slots, [Delete(partition, QueueRow(item)), Put(StandingEntity(partition, cancelled))], cancellation);
            return cancelled;
        }, cancellation);
    }

    public async Task<IReadOnlyList<RunningWorkflow>> ListRunningAsync(string tenantId, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        return (await ReadSlotsAsync(table, TableKey.Escape(tenantId), cancellation)).Running;
    }

    /// <summary>The tenant's queued items, oldest first (positions are their 1-based order). Reads only waiting rows.</summary>
    public async Task<IReadOnlyList<QueueItem>> ListQueuedAsync(string tenantId, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        return await ListWaitingAsync(table, TableKey.Escape(tenantId), cancellation);
    }

    /// <summary>One page of the queue in position order (oldest first: a position is the order of admission).</summary>
    public async Task<ItemPage<QueueItem>> PageQueuedAsync(string tenantId, PageQuery page, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        var rows = await TablePaging.PageAsync(table, QueueFilter(TableKey.Escape(tenantId)), page, cancellation);
        return new ItemPage<QueueItem>(rows.Items.Select(FromQueueEntity).ToList(), rows.NextCursor);
    }

    /// <summary>How many items wait (keys only).</summary>
    public async Task<int> CountQueuedAsync(string tenantId, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(QueueFilter(TableKey.Escape(tenantId)), select: ["PartitionKey", "RowKey"], cancellationToken: cancellation))
        {
            count++;
        }

        return count;
    }

    /// <summary>The workflow's latest standing in the queue (any status), or null if it never queued.</summary>
    public async Task<QueueItem?> FindAsync(string tenantId, string workflowId, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        return await LatestStandingAsync(table, TableKey.Escape(tenantId), workflowId, cancellation);
    }

    /// <summary>A launch's orchestration exists: its record has done its job and goes.</summary>
    public async Task MarkScheduledAsync(LaunchRecord launch, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(launch);
        var table = await _storage.TableAsync(TableName);
        var entity = ToEntity(TableKey.Escape(launch.TenantId), launch);
        try
        {
            await table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, ETag.All, cancellation);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already gone: recovery and the launcher may both finish the same launch.
        }
    }

    /// <summary>The tenant's launches decided but not (known to be) started, older than <paramref name="olderThan"/>.</summary>
    public async Task<IReadOnlyList<LaunchRecord>> UnscheduledLaunchesAsync(string tenantId, DateTimeOffset olderThan, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        var launches = new List<LaunchRecord>();
        var filter = LaunchFilter(TableKey.Escape(tenantId)) + " and " + TableClient.CreateQueryFilter($"created_at lt {olderThan}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellation))
        {
            launches.Add(JsonSerializer.Deserialize<LaunchRecord>(entity.GetString("data"), AutopilotJson.Options)!);
        }

        return launches;
    }

    /// <summary>Whether anything still waits or awaits its start: while it does, the tenant stays in the index.</summary>
    public async Task<bool> HasPendingWorkAsync(string tenantId, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        var partition = TableKey.Escape(tenantId);
        foreach (var filter in new[] { QueueFilter(partition), LaunchFilter(partition) })
        {
            await foreach (var _ in table.QueryAsync<TableEntity>(filter, maxPerPage: 1, select: ["PartitionKey", "RowKey"], cancellationToken: cancellation))
            {
                return true;
            }
        }

        return false;
    }
}
