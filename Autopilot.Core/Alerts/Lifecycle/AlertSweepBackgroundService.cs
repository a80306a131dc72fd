using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Hosting;

namespace Autopilot.Core.Alerts.Lifecycle;

/// <summary>
/// The server's alert lifecycle sweep: a tick at start (after a crash that is when lifecycles are missing) and then every
/// <see cref="AlertSweepSchedule.Setting"/>; off with <see cref="AlertSweepSchedule.EnabledSetting"/>=false.
/// </summary>
public sealed class AlertSweepBackgroundService : BackgroundService
{
    private readonly AlertLifecycleSweep _sweep;
    private readonly DurableTaskClient _client;
    private readonly ServiceOptions _options;
    private readonly TimeProvider _time;

    public AlertSweepBackgroundService(AlertLifecycleSweep sweep, DurableTaskClient client, ServiceOptions options, TimeProvider time)
    {
        _sweep = sweep;
        _client = client;
        _options = options;
        _time = time;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.AlertSweepEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(_options.AlertSweepInterval, _time);
        try
        {
            do
            {
                await _sweep.TickAsync(_client, stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
