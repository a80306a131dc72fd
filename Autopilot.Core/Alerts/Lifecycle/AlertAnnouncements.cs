using Autopilot.Core.Alerts.Notifications;
using Autopilot.Core.Engine;
using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Autopilot.Core.Alerts.Lifecycle;

/// <summary>
/// Starts the <see cref="AlertNotifyOrchestration"/> of what an explicit route performed, under the event's own instance
/// id (the one a lifecycle timer would use), refused by the engine if that occurrence was ever started before.
/// </summary>
public static class AlertAnnouncements
{
    private static readonly OrchestrationRuntimeStatus[] Ever =
        [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended,
         OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];

    public static async Task StartAsync(DurableTaskClient client, IReadOnlyList<PerformedDue> performed, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(performed);
        foreach (var done in performed)
        {
            var alertEvent = done.ToEvent();
            try
            {
                await client.ScheduleNewOrchestrationInstanceAsync(nameof(AlertNotifyOrchestration), alertEvent,
                    new StartOrchestrationOptions(AlertNotifyOrchestration.InstanceIdFor(alertEvent)).WithDedupeStatuses(Ever), cancellation);
            }
            catch (OrchestrationAlreadyExistsException)
            {
                // Announced already: one occurrence, one announcement.
            }
        }
    }

    /// <summary>The notification ids of the announcements that finished within <paramref name="wait"/> (all of them at once).</summary>
    public static async Task<IReadOnlyList<string>> NotificationIdsAsync(DurableTaskClient client, IReadOnlyList<PerformedDue> performed, TimeSpan wait, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(performed);
        var finished = await Task.WhenAll(performed.Select(done =>
            WorkflowWaiter.WaitAsync(client, AlertNotifyOrchestration.InstanceIdFor(done.ToEvent()), wait, cancellation)));
        return finished
            .Where(instance => instance is { RuntimeStatus: OrchestrationRuntimeStatus.Completed })
            .SelectMany(instance => instance!.ReadOutputAs<AlertNotifyResult>()?.NotificationIds ?? [])
            .ToList();
    }
}
