using System.Globalization;
using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Autopilot.Core.Alerts.Notifications;

/// <summary>
/// Starts the announcement of an alert event: one <see cref="AlertNotifyOrchestration"/> per occurrence, deduplicated by
/// its instance id over every status, so a second start for the same event — a retried request, another replica, a
/// timer and an explicit call reaching the same due time — notifies nobody twice.
/// </summary>
public static class AlertNotifier
{
    private static readonly OrchestrationRuntimeStatus[] AnyStatus =
    [
        OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended,
        OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated,
    ];

    /// <summary>
    /// The <c>created</c> event of a raise (the seed queues it on every create-or-update call): keyed by the alert's
    /// last_notified_at, which each raise sets, so each call is its own occurrence.
    /// </summary>
    public static Task QueueCreatedAsync(DurableTaskClient client, Alert alert, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var at = alert.LastNotifiedAt ?? alert.CreatedAt;
        return QueueAsync(client, new AlertEvent(alert.TenantId, alert.AlertId, AlertEventTypes.Created, "created-" + at.UtcTicks.ToString(CultureInfo.InvariantCulture)), cancellation);
    }

    /// <summary>Starts the event's announcement unless it was started before; returns its instance id.</summary>
    public static async Task<string> QueueAsync(DurableTaskClient client, AlertEvent alertEvent, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(client);
        var instanceId = AlertNotifyOrchestration.InstanceIdFor(alertEvent);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(AlertNotifyOrchestration), alertEvent,
                new StartOrchestrationOptions(instanceId).WithDedupeStatuses(AnyStatus), cancellation);
        }
        catch (OrchestrationAlreadyExistsException)
        {
            // Announced already: this occurrence has its notifications.
        }

        return instanceId;
    }
}
