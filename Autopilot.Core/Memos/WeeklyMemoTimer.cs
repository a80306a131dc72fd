using System.Collections.Concurrent;
using Autopilot.Core.Connectors;
using Autopilot.Core.Workflows;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Autopilot.Core.Memos;

/// <summary>
/// One tick of the weekly memo timer, the same on both runtimes (the server's hosted loop, the Functions timer): every
/// tenant with a connected warehouse whose slot this week is due gets its memo started under
/// <c>memo-{tenant}-{isoYear}-W{isoWeek}</c> (<see cref="MemoSlot.InstanceId"/>), at most once ever
/// (<see cref="WorkflowLauncher.LaunchOnceAsync"/>) — so replicas ticking together, restarts and repeated ticks start
/// one memo per tenant per week. Only the current week is looked at: a tick after downtime starts this week's memo
/// once and never the weeks missed. Every start goes through admission, so a thousand tenants due at one minute are
/// admitted up to the caps and queue durably beyond them instead of all running at once.
/// </summary>
public sealed class WeeklyMemoTimer
{
    /// <summary>Tenants handled at once in a tick: enough to go through a thousand in seconds, few enough not to flood the store.</summary>
    private const int Parallelism = 8;
    private readonly ConnectionStore _connections;
    private readonly MemoScheduleStore _schedules;
    private readonly WorkflowLauncher _launcher;
    private readonly TimeProvider _time;
    private readonly ILogger<WeeklyMemoTimer> _logger;
    private volatile bool _backfilled;

    public WeeklyMemoTimer(ConnectionStore connections, MemoScheduleStore schedules, WorkflowLauncher launcher, TimeProvider time, ILogger<WeeklyMemoTimer> logger)
    {
        _connections = connections;
        _schedules = schedules;
        _launcher = launcher;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// One pass over the connected tenants. A tenant's failure is logged and counted; a failure to list them (storage
    /// unreachable) is logged and counted once — never thrown, so the server's loop keeps running; the next tick tries again.
    /// </summary>
    public async Task<MemoTimerTick> TickAsync(DurableTaskClient client, CancellationToken cancellation)
    {
        // One trace per tick: the memos it starts are its children.
        using var span = Telemetry.AutopilotTelemetry.Source.StartActivity("weekly_memo_tick");
        var counts = new ConcurrentDictionary<MemoTimerOutcome, int>();
#pragma warning disable CA1031 // The timer outlives storage outages: log and retry on the next tick.
        try
        {
            await StartDueTenantsAsync(client, counts, cancellation);
        }
        catch (Exception ex) when (!cancellation.IsCancellationRequested)
        {
            counts.AddOrUpdate(MemoTimerOutcome.Failed, 1, (_, n) => n + 1);
            _logger.LogWarning(ex, "Weekly memo timer could not list the connected tenants; retrying on the next tick");
        }
#pragma warning restore CA1031

        var tick = new MemoTimerTick(counts.ToDictionary());
        if (tick.Count(MemoTimerOutcome.Started) + tick.Count(MemoTimerOutcome.Queued) > 0 && _logger.IsEnabled(LogLevel.Information))
        {
            _logger.LogInformation("Weekly memo timer: started {Started}, queued {Queued}, already started {Already}, failed {Failed}",
                tick.Count(MemoTimerOutcome.Started), tick.Count(MemoTimerOutcome.Queued), tick.Count(MemoTimerOutcome.AlreadyStarted), tick.Count(MemoTimerOutcome.Failed));
        }

        return tick;
    }

    /// <summary>Lists the connected tenants (backfilling the index once per process) and starts each due memo, counting outcomes.</summary>
    private async Task StartDueTenantsAsync(DurableTaskClient client, ConcurrentDictionary<MemoTimerOutcome, int> counts, CancellationToken cancellation)
    {
        if (!_backfilled)
        {
            // Tenants connected before the index existed: listed once per store, then one point read per process.
            await _connections.BackfillConnectedTenantsAsync(cancellation);
            _backfilled = true;
        }

        var now = _time.GetUtcNow();
        await Parallel.ForEachAsync(_connections.ConnectedTenantsAsync(cancellation),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellation },
            async (tenant, ct) =>
            {
                MemoTimerOutcome outcome;
#pragma warning disable CA1031 // One tenant's failure (storage blip, a bad stored timezone) must not stop the others.
                try
                {
                    outcome = await StartIfDueAsync(client, tenant, now, ct);
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    outcome = MemoTimerOutcome.Failed;
                    _logger.LogWarning(ex, "Weekly memo of {Tenant} could not be started; retrying on the next tick", tenant);
                }
#pragma warning restore CA1031
                counts.AddOrUpdate(outcome, 1, (_, n) => n + 1);
            });
    }

    /// <summary>Starts the tenant's memo of the current week if its slot is due (a no-op if it was started before).</summary>
    public async Task<MemoTimerOutcome> StartIfDueAsync(DurableTaskClient client, string tenantId, DateTimeOffset now, CancellationToken cancellation)
    {
        var connectionId = ConnectionStore.IdFor(tenantId);
        if (await _connections.GetAsync(tenantId, connectionId, cancellation) is not { Status: ConnectionStatus.Active })
        {
            return MemoTimerOutcome.NotConnected;
        }

        var (schedule, _) = await _schedules.GetAsync(tenantId, cancellation);
        var slot = MemoSlotCalculator.Current(schedule, now);
        if (!slot.IsDue)
        {
            return MemoTimerOutcome.NotDue;
        }

        var launch = await _launcher.LaunchOnceAsync(client, tenantId, WorkflowKinds.Memo, slot.InstanceId(tenantId), connectionId,
            ticket => new WeeklyMemoInput(ticket, connectionId, slot.LocalDate), cancellation);
        return launch.AlreadyStarted ? MemoTimerOutcome.AlreadyStarted
            : launch.Ticket.Queued ? MemoTimerOutcome.Queued
            : MemoTimerOutcome.Started;
    }
}
