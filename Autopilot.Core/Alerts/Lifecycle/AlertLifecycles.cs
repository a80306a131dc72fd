using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Autopilot.Core.Alerts.Lifecycle;

/// <summary>
/// Starts and signals alert lifecycles — the one call the alert routes and the alert sink make after changing an alert.
/// At most one lifecycle runs per alert (its instance id), and only open or escalated alerts get one. A failure to reach
/// the engine is logged, never thrown: the alert is already stored, and the sweep (<see cref="AlertLifecycleSweep"/>)
/// starts any lifecycle that is missing.
/// </summary>
public sealed partial class AlertLifecycles
{
    private static readonly OrchestrationRuntimeStatus[] Live =
        [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended,
#pragma warning disable CS0618 // ContinuedAsNew is reported for a moment between two cycles: the lifecycle is live.
            OrchestrationRuntimeStatus.ContinuedAsNew];
#pragma warning restore CS0618

    private readonly AlertStore _alerts;
    private readonly ILogger<AlertLifecycles> _logger;

    public AlertLifecycles(AlertStore alerts, ILogger<AlertLifecycles> logger)
    {
        _alerts = alerts;
        _logger = logger;
    }

    /// <summary>
    /// Brings the alert's lifecycle in line with its new state: a running lifecycle is told to read it again; an open or
    /// escalated alert without one gets one (a raise, a re-open after an ack ended the last one).
    /// </summary>
    public async Task SyncAsync(DurableTaskClient client, Alert alert, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(alert);
#pragma warning disable CA1031 // The alert is stored; the sweep starts a lifecycle this call could not.
        try
        {
            await SyncCoreAsync(client, alert, signalRunning: true, cancellation);
        }
        catch (Exception ex) when (!cancellation.IsCancellationRequested)
        {
            LogSyncFailed(ex, alert.AlertId, alert.TenantId);
        }
#pragma warning restore CA1031
    }

    /// <summary>Tells every live lifecycle of the tenant to read its alert again (a policy or routing change).</summary>
    public async Task SignalTenantAsync(DurableTaskClient client, string tenantId, CancellationToken cancellation)
    {
        foreach (var alert in await _alerts.ListAsync(tenantId, null, cancellation))
        {
            if (AlertSchedule.HasLifecycle(alert))
            {
                await SyncAsync(client, alert, cancellation);
            }
        }
    }

    /// <summary>Starts the alert's lifecycle if it has none running (the sweep); true when it started one.</summary>
    public Task<bool> EnsureRunningAsync(DurableTaskClient client, Alert alert, CancellationToken cancellation) =>
        SyncCoreAsync(client, alert, signalRunning: false, cancellation);

    private async Task<bool> SyncCoreAsync(DurableTaskClient client, Alert alert, bool signalRunning, CancellationToken cancellation)
    {
        var instanceId = AlertLifecycleOrchestration.InstanceIdFor(alert.TenantId, alert.AlertId);
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellation);
        if (instance is not null && Live.Contains(instance.RuntimeStatus))
        {
            if (signalRunning)
            {
                await client.RaiseEventAsync(instanceId, AlertLifecycleOrchestration.ChangedEvent, alert.Status, cancellation);
            }

            return false;
        }

        if (!AlertSchedule.HasLifecycle(alert))
        {
            return false;
        }

        try
        {
            // A finished lifecycle's id is reused (a re-opened alert); a live one is refused and signalled instead.
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(AlertLifecycleOrchestration), new AlertLifecycleInput(alert.TenantId, alert.AlertId),
                new StartOrchestrationOptions(instanceId).WithDedupeStatuses(Live), cancellation);
            return true;
        }
        catch (OrchestrationAlreadyExistsException)
        {
            await client.RaiseEventAsync(instanceId, AlertLifecycleOrchestration.ChangedEvent, alert.Status, cancellation);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lifecycle of alert {AlertId} ({TenantId}) could not be started or signalled; the sweep will repair it")]
    private partial void LogSyncFailed(Exception exception, string alertId, string tenantId);
}
