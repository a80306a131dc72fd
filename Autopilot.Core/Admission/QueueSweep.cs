using Autopilot.Core.Workflows;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Autopilot.Core.Admission;

/// <summary>
/// One queue pass over the whole service, the same on both runtimes (the server's background loop and the Functions
/// timer both call it): repair launches a crash interrupted, then give each tenant in the queued-work index an
/// admission pass. A failure is logged and contained — one tenant's storage error does not stop the others, and the
/// next tick tries again — so a sweep never throws except on cancellation.
/// </summary>
public sealed class QueueSweep
{
    private readonly AdmissionStore _admission;
    private readonly QueueProcessor _processor;
    private readonly WorkflowLauncher _launcher;
    private readonly ILogger<QueueSweep> _logger;

    public QueueSweep(AdmissionStore admission, QueueProcessor processor, WorkflowLauncher launcher, ILogger<QueueSweep> logger)
    {
        _admission = admission;
        _processor = processor;
        _launcher = launcher;
        _logger = logger;
    }

    public async Task<QueueSweepResult> RunAsync(DurableTaskClient client, CancellationToken cancellation)
    {
        var failures = 0;
        var recovered = 0;
        var tenants = 0;
        try
        {
            recovered = await _processor.RecoverLaunchesAsync(client, _launcher, cancellation);
            if (recovered > 0)
            {
                _logger.LogWarning("Recovered {Count} workflow launches interrupted by a crash", recovered);
            }
        }
#pragma warning disable CA1031 // A failed step (storage blip, engine refusal) is logged; the next tick tries again.
        catch (Exception ex) when (!cancellation.IsCancellationRequested)
        {
            failures++;
            _logger.LogWarning(ex, "Launch recovery failed; retrying on the next tick");
        }

        IReadOnlyList<string> queued = [];
        try
        {
            queued = await _admission.TenantsWithQueuedWorkAsync(cancellation);
        }
        catch (Exception ex) when (!cancellation.IsCancellationRequested)
        {
            failures++;
            _logger.LogWarning(ex, "Reading the queued-work index failed; retrying on the next tick");
        }

        foreach (var tenant in queued)
        {
            try
            {
                var pass = await _processor.ProcessTenantAsync(client, tenant, cancellation);
                tenants++;
                if (pass.Processed > 0 || pass.SlotsReclaimed > 0)
                {
                    _logger.LogInformation("Queue pass for {Tenant}: admitted {Admitted}, reclaimed {Reclaimed}, waiting {Waiting}",
                        tenant, pass.Processed, pass.SlotsReclaimed, pass.QueuedTotal - pass.Processed);
                }
            }
            catch (Exception ex) when (!cancellation.IsCancellationRequested)
            {
                failures++;
                _logger.LogWarning(ex, "Queue pass for {Tenant} failed; retrying on the next tick", tenant);
            }
        }
#pragma warning restore CA1031

        return new QueueSweepResult(recovered, tenants, failures);
    }
}
