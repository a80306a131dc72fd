using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Hosting;

namespace Autopilot.Core.Admission;

/// <summary>
/// Resumes queued work on its own (the seed processed the queue only when asked, QUEUE-12): every
/// <see cref="QueuePolling.Setting"/>, one <see cref="QueueSweep"/>. Replicas may overlap; admission is race-free,
/// so that is harmless. The Functions app runs the same sweep from a timer on the same setting.
/// </summary>
public sealed class QueueBackgroundProcessor : BackgroundService
{
    private readonly QueueSweep _sweep;
    private readonly DurableTaskClient _client;
    private readonly ServiceOptions _options;
    private readonly TimeProvider _time;

    public QueueBackgroundProcessor(QueueSweep sweep, DurableTaskClient client, ServiceOptions options, TimeProvider time)
    {
        _sweep = sweep;
        _client = client;
        _options = options;
        _time = time;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.QueuePollInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await _sweep.RunAsync(_client, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
