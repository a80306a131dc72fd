using Autopilot.Core;
using Autopilot.Core.Admission;
using Autopilot.Core.Alerts.Lifecycle;
using Autopilot.Core.Memos;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Autopilot.Functions;

/// <summary>Scheduled work: the queue sweep and the weekly memo timer the self-hosted server runs as background services, on the same settings.</summary>
public sealed class TimerFunctions(QueueSweep sweep, WeeklyMemoTimer memoTimer, AlertLifecycleSweep alertSweep, ServiceOptions options)
{
    /// <summary>
    /// Every <c>QUEUE_POLL_INTERVAL</c> (the host resolves the <c>%…%</c> app setting), one sweep: interrupted launches
    /// repaired, each tenant with queued work given an admission pass; failures are logged and retried next tick.
    /// </summary>
    [Function("ProcessQueuedWork")]
    public Task ProcessQueuedWork([TimerTrigger(QueuePolling.TimerSchedule)] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellation) =>
        sweep.RunAsync(client, cancellation);

    /// <summary>
    /// Every <c>MEMO_TIMER_INTERVAL</c>, one weekly memo tick: each connected tenant whose slot is due this week gets its
    /// memo started under <c>memo-{tenant}-{isoYear}-W{isoWeek}</c>, once, through admission. Off with MEMO_TIMER_ENABLED=false.
    /// </summary>
    [Function("StartWeeklyMemos")]
    public async Task StartWeeklyMemos([TimerTrigger(MemoTimerSchedule.TimerSchedule)] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellation)
    {
        if (options.MemoTimerEnabled)
        {
            await memoTimer.TickAsync(client, cancellation);
        }
    }

    /// <summary>
    /// Every <c>ALERT_SWEEP_INTERVAL</c>, one alert lifecycle sweep: each open or escalated alert without a running lifecycle
    /// gets one (auto alerts raised by activities get theirs here on Functions). Off with ALERT_SWEEP_ENABLED=false.
    /// </summary>
    [Function("SweepAlertLifecycles")]
    public async Task SweepAlertLifecycles([TimerTrigger(AlertSweepSchedule.TimerSchedule)] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellation)
    {
        if (options.AlertSweepEnabled)
        {
            await alertSweep.TickAsync(client, cancellation);
        }
    }
}
