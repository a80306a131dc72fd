using Autopilot.Core.Admission;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Autopilot.Functions;

/// <summary>Scheduled work: the queue sweep the self-hosted server runs as a background service, on the same setting.</summary>
public sealed class TimerFunctions(QueueSweep sweep)
{
    /// <summary>
    /// Every <c>QUEUE_POLL_INTERVAL</c> (the host resolves the <c>%…%</c> app setting), one sweep: interrupted launches
    /// repaired, each tenant with queued work given an admission pass; failures are logged and retried next tick.
    /// </summary>
    [Function("ProcessQueuedWork")]
    public Task ProcessQueuedWork([TimerTrigger(QueuePolling.TimerSchedule)] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellation) =>
        sweep.RunAsync(client, cancellation);
}
