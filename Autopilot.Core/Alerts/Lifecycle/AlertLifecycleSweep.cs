using Autopilot.Core.Alerts.Notifications;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Autopilot.Core.Alerts.Lifecycle;

/// <summary>
/// Makes sure every open or escalated alert has a running lifecycle: repairs a crash between writing an alert and starting
/// its orchestration, a signal lost while a lifecycle was ending, and auto alerts raised where no engine client was at
/// hand. It also announces a live alert's last escalation or reminder if nobody did: the explicit routes change the row
/// and then start the announcement, so a crash between the two left the change unannounced (see
/// <see cref="RepairAnnouncementsAsync"/>). Bounded by construction: at most one lifecycle per live alert, none for
/// acknowledged or resolved ones. The same tick runs on both runtimes (the server's hosted loop, the Functions timer);
/// replicas overlap harmlessly.
/// </summary>
public sealed partial class AlertLifecycleSweep
{
    /// <summary>
    /// How old a last transition may be and still be announced by the sweep. A crash gap is repaired at the next tick
    /// (a minute by default); the bound keeps an old mark from being announced again should the engine's history of its
    /// announcement ever be purged.
    /// </summary>
    public static readonly TimeSpan AnnouncementRepairWindow = TimeSpan.FromHours(6);

    private const int Parallelism = 8;
    private readonly AlertStore _alerts;
    private readonly AlertLifecycles _lifecycles;
    private readonly TimeProvider _time;
    private readonly ILogger<AlertLifecycleSweep> _logger;

    public AlertLifecycleSweep(AlertStore alerts, AlertLifecycles lifecycles, TimeProvider time, ILogger<AlertLifecycleSweep> logger)
    {
        _alerts = alerts;
        _lifecycles = lifecycles;
        _time = time;
        _logger = logger;
    }

    /// <summary>One pass; returns how many lifecycles it started. Failures are logged, never thrown: the next tick tries again.</summary>
    public async Task<int> TickAsync(DurableTaskClient client, CancellationToken cancellation)
    {
        // One trace per tick: the lifecycles it (re)starts are its children.
        using var span = Telemetry.AutopilotTelemetry.Source.StartActivity("alert_lifecycle_sweep");
        var started = 0;
#pragma warning disable CA1031 // The sweep outlives storage and engine outages: log and retry on the next tick.
        try
        {
            await Parallel.ForEachAsync(_alerts.ListWithLifecycleAsync(cancellation),
                new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellation },
                async (alert, ct) =>
                {
                    try
                    {
                        if (await _lifecycles.EnsureRunningAsync(client, alert, ct))
                        {
                            Interlocked.Increment(ref started);
                        }

                        await RepairAnnouncementsAsync(client, alert, ct);
                    }
                    catch (Exception ex) when (!ct.IsCancellationRequested)
                    {
                        LogAlertFailed(ex, alert.AlertId, alert.TenantId);
                    }
                });
        }
        catch (Exception ex) when (!cancellation.IsCancellationRequested)
        {
            LogSweepFailed(ex);
        }
#pragma warning restore CA1031

        if (started > 0)
        {
            LogStarted(started);
        }

        return started;
    }

    /// <summary>
    /// Starts the announcement of the alert's last escalation and last reminder when the engine has never seen it. Both
    /// performers (the lifecycle's activity and the explicit routes) mark the row with the due time they performed, and the
    /// announcement's instance id comes from that due time, so this starts exactly what the performer would have; if the
    /// performer is just starting it too, the engine refuses the second start.
    /// </summary>
    private async Task RepairAnnouncementsAsync(DurableTaskClient client, Alert alert, CancellationToken cancellation)
    {
        var oldest = _time.GetUtcNow() - AnnouncementRepairWindow;
        var marks = new[] { (AlertEventTypes.Escalated, alert.LastEscalation), (AlertEventTypes.Reminder, alert.LastReminder) };
        var unannounced = new List<PerformedDue>();
        foreach (var (eventType, mark) in marks)
        {
            if (mark is not null && mark.DueAt >= oldest)
            {
                var performed = new PerformedDue(alert, new AlertDue(eventType, mark.DueAt));
                if (await client.GetInstanceAsync(AlertNotifyOrchestration.InstanceIdFor(performed.ToEvent()), getInputsAndOutputs: false, cancellation) is null)
                {
                    unannounced.Add(performed);
                }
            }
        }

        if (unannounced.Count > 0)
        {
            await AlertAnnouncements.StartAsync(client, unannounced, cancellation);
            LogAnnounced(unannounced.Count, alert.AlertId, alert.TenantId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert sweep announced {Count} escalation(s) or reminder(s) of {AlertId} ({TenantId}) that were performed but never announced")]
    private partial void LogAnnounced(int count, string alertId, string tenantId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert sweep started {Count} missing lifecycles")]
    private partial void LogStarted(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert sweep could not start the lifecycle of {AlertId} ({TenantId}); retrying on the next tick")]
    private partial void LogAlertFailed(Exception exception, string alertId, string tenantId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert sweep could not list live alerts; retrying on the next tick")]
    private partial void LogSweepFailed(Exception exception);
}
