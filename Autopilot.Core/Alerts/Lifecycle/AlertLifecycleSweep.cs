using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Autopilot.Core.Alerts.Lifecycle;

/// <summary>
/// Makes sure every open or escalated alert has a running lifecycle: repairs a crash between writing an alert and starting
/// its orchestration, a signal lost while a lifecycle was ending, and auto alerts raised where no engine client was at
/// hand. Bounded by construction: at most one lifecycle per live alert, none for acknowledged or resolved ones. The same
/// tick runs on both runtimes (the server's hosted loop, the Functions timer); replicas overlap harmlessly.
/// </summary>
public sealed partial class AlertLifecycleSweep
{
    private const int Parallelism = 8;
    private readonly AlertStore _alerts;
    private readonly AlertLifecycles _lifecycles;
    private readonly ILogger<AlertLifecycleSweep> _logger;

    public AlertLifecycleSweep(AlertStore alerts, AlertLifecycles lifecycles, ILogger<AlertLifecycleSweep> logger)
    {
        _alerts = alerts;
        _lifecycles = lifecycles;
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert sweep started {Count} missing lifecycles")]
    private partial void LogStarted(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert sweep could not start the lifecycle of {AlertId} ({TenantId}); retrying on the next tick")]
    private partial void LogAlertFailed(Exception exception, string alertId, string tenantId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert sweep could not list live alerts; retrying on the next tick")]
    private partial void LogSweepFailed(Exception exception);
}
