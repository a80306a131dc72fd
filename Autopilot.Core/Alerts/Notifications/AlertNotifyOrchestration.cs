using Autopilot.Core.Alerts.Notifications.Delivery;
using Microsoft.DurableTask;

namespace Autopilot.Core.Alerts.Notifications;

/// <summary>
/// Announces one <see cref="AlertEvent"/> to the tenant's routing (NTF-3..6). Its instance id is derived from the event
/// (<see cref="InstanceIdFor"/>), so starting it twice for one occurrence is refused by the engine instead of
/// notifying twice. Stages: fan-out (the notifications, created once), then per notification a delivery loop — attempt,
/// and on failure a durable timer until the row's next retry time (1, 4, 16 alert-minutes), at most 3 retries. The
/// wait follows the row, not a fixed schedule, because the explicit retry route may have made an attempt meanwhile.
/// When a P0 alert's notifications all gave up, a P0 meta-alert is raised.
/// </summary>
public sealed class AlertNotifyOrchestration : TaskOrchestrator<AlertEvent, AlertNotifyResult>
{
    /// <summary>More rounds than any notification needs (4 attempts, each possibly rechecked while another owner sends).</summary>
    private const int MaxRounds = 64;

    /// <summary>Storage hiccups inside an activity are retried; delivery failures are not exceptions and follow NTF-6.</summary>
    private static readonly TaskOptions StepRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(1), 2, TimeSpan.FromSeconds(16)));

    /// <summary>The instance id for one occurrence of an alert event.</summary>
    public static string InstanceIdFor(AlertEvent alertEvent)
    {
        ArgumentNullException.ThrowIfNull(alertEvent);
        return $"ntf-{alertEvent.TenantId}-{alertEvent.AlertId}-{alertEvent.EventKey}";
    }

    public override async Task<AlertNotifyResult> RunAsync(TaskOrchestrationContext context, AlertEvent input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var fanOut = await context.CallActivityAsync<FanOutResult>(nameof(FanOutNotificationsActivity), input, StepRetry);
        var outcomes = await Task.WhenAll(fanOut.NotificationIds.Select(id => DeliverAsync(context, input.TenantId, id)));
        var sent = outcomes.Count(o => o.Status == NotificationStatuses.Sent);
        var failed = outcomes.Length - sent;
        if (fanOut.Severity == "P0" && outcomes.Length > 0 && sent == 0 && fanOut.SourceType != DeliveryFailureAlert.SourceType)
        {
            await context.CallActivityAsync<string>(nameof(RaiseDeliveryFailureAlertActivity),
                new DeliveryFailureAlert(input.TenantId, input.AlertId, input.EventType, outcomes.Length), StepRetry);
        }

        return new AlertNotifyResult(fanOut.NotificationIds, sent, failed);
    }

    private static async Task<DeliveryOutcome> DeliverAsync(TaskOrchestrationContext context, string tenantId, string notificationId)
    {
        var attempt = 0;
        DeliveryOutcome outcome = new(notificationId, NotificationStatuses.Queued, false, 0, null, false);
        for (var round = 0; round < MaxRounds; round++)
        {
            outcome = await context.CallActivityAsync<DeliveryOutcome>(nameof(DeliverNotificationActivity),
                new DeliverNotificationInput(tenantId, notificationId, attempt, context.InstanceId), StepRetry);
            if (outcome.Done)
            {
                return outcome;
            }

            await context.CreateTimer(outcome.WaitUntil!.Value.UtcDateTime, CancellationToken.None);
            attempt = outcome.NextAttempt;
        }

        return outcome;
    }
}
