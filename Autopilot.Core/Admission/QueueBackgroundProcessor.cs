using Autopilot.Core.Workflows;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Autopilot.Core.Admission;

/// <summary>
/// Resumes queued work on its own (the seed processed the queue only when asked, QUEUE-12): every poll interval,
/// each tenant with queued items gets a pass. Replicas may overlap; admission is race-free, so that is harmless.
/// </summary>
public sealed class QueueBackgroundProcessor : BackgroundService
{
    private readonly AdmissionStore _admission;
    private readonly QueueProcessor _processor;
    private readonly DurableTaskClient _client;
    private readonly WorkflowLauncher _launcher;
    private readonly ServiceOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<QueueBackgroundProcessor> _logger;

    public QueueBackgroundProcessor(AdmissionStore admission, QueueProcessor processor, DurableTaskClient client, WorkflowLauncher launcher, ServiceOptions options, TimeProvider time, ILogger<QueueBackgroundProcessor> logger)
    {
        _admission = admission;
        _processor = processor;
        _client = client;
        _launcher = launcher;
        _options = options;
        _time = time;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.QueuePollInterval, _time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var recovered = await _processor.RecoverLaunchesAsync(_client, _launcher, stoppingToken);
                if (recovered > 0)
                {
                    _logger.LogWarning("Recovered {Count} workflow launches interrupted by a crash", recovered);
                }

                foreach (var tenant in await _admission.TenantsWithQueuedWorkAsync(stoppingToken))
                {
                    var pass = await _processor.ProcessTenantAsync(_client, tenant, stoppingToken);
                    if ((pass.Processed > 0 || pass.SlotsReclaimed > 0) && _logger.IsEnabled(LogLevel.Information))
                    {
                        _logger.LogInformation("Queue pass for {Tenant}: admitted {Admitted}, reclaimed {Reclaimed}, waiting {Waiting}",
                            tenant, pass.Processed, pass.SlotsReclaimed, pass.QueuedTotal - pass.Processed);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed pass (storage blip) is logged; the next tick tries again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _logger.LogWarning(ex, "Queue pass failed; retrying on the next tick");
            }
        }
    }
}
