using Autopilot.Core.Workflows;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Autopilot.Core.Admission;

/// <summary>
/// One queue pass over the whole service, the same on both runtimes (the server's background loop and the Functions
/// timer both call it): for each tenant in the <see cref="PendingWorkIndex"/> (one partition read, no scan across
/// tenants), repair launches a crash interrupted and give its queue an admission pass; an idle tenant leaves the index.
/// A failure is logged and contained (one tenant's storage error does not stop the others; the next tick tries
/// again), so a sweep never throws except on cancellation.
/// </summary>
public sealed class QueueSweep
{
    private readonly AdmissionStore _admission;
    private readonly PendingWorkIndex _index;
    private readonly QueueProcessor _processor;
    private readonly WorkflowLauncher _launcher;
    private readonly ILogger<QueueSweep> _logger;
    private readonly TimeProvider _time;
    private DateTimeOffset _lastRepair = DateTimeOffset.MinValue;

    public QueueSweep(AdmissionStore admission, PendingWorkIndex index, QueueProcessor processor, WorkflowLauncher launcher, ILogger<QueueSweep> logger, TimeProvider time)
    {
        _time = time;
        _admission = admission;
        _index = index;
        _processor = processor;
        _launcher = launcher;
        _logger = logger;
    }

    /// <summary>How often a process looks for leaked service-wide slots (a leak only delays work, so not every tick).</summary>
    public static TimeSpan RepairInterval { get; } = TimeSpan.FromSeconds(10);

    public async Task<QueueSweepResult> RunAsync(DurableTaskClient client, CancellationToken cancellation)
    {
        var failures = 0;
        var recovered = 0;
        var processed = 0;
#pragma warning disable CA1031 // A failed step (storage blip, engine refusal) is logged; the next tick tries again.
        IReadOnlyList<PendingTenant> pending;
        try
        {
            pending = await _index.ListAsync(cancellation);
        }
        catch (Exception ex) when (!cancellation.IsCancellationRequested)
        {
            _logger.LogWarning(ex, "Reading the pending-work index failed; retrying on the next tick");
            return new QueueSweepResult(0, 0, 1);
        }

        try
        {
            var repaired = 0;
            if (_time.GetUtcNow() - _lastRepair >= RepairInterval)
            {
                _lastRepair = _time.GetUtcNow();
                repaired = await _processor.RepairServiceSlotsAsync(client, cancellation);
            }

            if (repaired > 0)
            {
                _logger.LogWarning("Freed {Count} service-wide workflow slots left by crashed or finished workflows", repaired);
            }
        }
        catch (Exception ex) when (!cancellation.IsCancellationRequested)
        {
            failures++;
            _logger.LogWarning(ex, "Repairing service-wide slots failed; retrying on the next tick");
        }

        // A different starting tenant each pass: with the service-wide limit reached, the tenants visited first would
        // otherwise take every freed slot, pass after pass.
#pragma warning disable CA5394 // Fairness, not security.
        var offset = pending.Count == 0 ? 0 : Random.Shared.Next(pending.Count);
#pragma warning restore CA5394
        pending = [.. pending.Skip(offset), .. pending.Take(offset)];
        long waiting = 0;
        foreach (var tenant in pending)
        {
            // One trace per tenant pass (only tenants with pending work are visited, so an idle service makes none):
            // the launches it starts are its children.
            using var span = Telemetry.AutopilotTelemetry.Source.StartActivity("queue_pass");
            span?.SetTag("autopilot.tenant", tenant.TenantId);
            var failed = false;
            try
            {
                var count = await _processor.RecoverLaunchesAsync(client, _launcher, tenant.TenantId, cancellation);
                recovered += count;
                if (count > 0)
                {
                    _logger.LogWarning("Recovered {Count} workflow launches of {Tenant} interrupted by a crash", count, tenant.TenantId);
                }
            }
            catch (Exception ex) when (!cancellation.IsCancellationRequested)
            {
                failed = true;
                failures++;
                _logger.LogWarning(ex, "Launch recovery for {Tenant} failed; retrying on the next tick", tenant.TenantId);
            }

            try
            {
                var pass = await _processor.ProcessTenantAsync(client, tenant.TenantId, cancellation);
                processed++;
                waiting += pass.QueuedTotal - pass.Processed;
                if ((pass.Processed > 0 || pass.SlotsReclaimed > 0) && _logger.IsEnabled(LogLevel.Information))
                {
                    _logger.LogInformation("Queue pass for {Tenant}: admitted {Admitted}, reclaimed {Reclaimed}, waiting {Waiting}",
                        tenant.TenantId, pass.Processed, pass.SlotsReclaimed, pass.QueuedTotal - pass.Processed);
                }

                if (!failed && !await _admission.HasPendingWorkAsync(tenant.TenantId, cancellation))
                {
                    await _index.ForgetAsync(tenant, cancellation);
                }
            }
            catch (Exception ex) when (!cancellation.IsCancellationRequested)
            {
                failures++;
                _logger.LogWarning(ex, "Queue pass for {Tenant} failed; retrying on the next tick", tenant.TenantId);
            }
        }
#pragma warning restore CA1031

        Telemetry.AutopilotMetrics.QueueDepthObserved(waiting);
        return new QueueSweepResult(recovered, processed, failures);
    }
}
