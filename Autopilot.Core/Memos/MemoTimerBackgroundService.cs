using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Hosting;

namespace Autopilot.Core.Memos;

/// <summary>
/// The server's weekly memo timer: a <see cref="WeeklyMemoTimer"/> tick at start and then every
/// <see cref="MemoTimerSchedule.Setting"/> (off with <see cref="MemoTimerSchedule.EnabledSetting"/>=false). Replicas
/// overlap harmlessly: each week's memo id starts once. The Functions app runs the same tick from a timer trigger.
/// </summary>
public sealed class MemoTimerBackgroundService : BackgroundService
{
    private readonly WeeklyMemoTimer _timer;
    private readonly DurableTaskClient _client;
    private readonly ServiceOptions _options;
    private readonly TimeProvider _time;

    public MemoTimerBackgroundService(WeeklyMemoTimer timer, DurableTaskClient client, ServiceOptions options, TimeProvider time)
    {
        _timer = timer;
        _client = client;
        _options = options;
        _time = time;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.MemoTimerEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(_options.MemoTimerInterval, _time);
        try
        {
            // A tick at start too: a replica that was down when a slot fell due catches up without waiting an interval.
            do
            {
                await _timer.TickAsync(_client, stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
