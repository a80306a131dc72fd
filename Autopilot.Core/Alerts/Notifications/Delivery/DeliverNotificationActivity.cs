using Microsoft.DurableTask;

namespace Autopilot.Core.Alerts.Notifications.Delivery;

/// <summary>
/// One delivery attempt (NTF-5/6) through <see cref="NotificationDelivery"/>: idempotent — a re-run after a crash finds
/// its own claim and resends with the same idempotency key; a notification already sent is not sent again.
/// </summary>
public sealed class DeliverNotificationActivity : TaskActivity<DeliverNotificationInput, DeliveryOutcome>
{
    private readonly NotificationDelivery _delivery;

    public DeliverNotificationActivity(NotificationDelivery delivery) => _delivery = delivery;

    public override Task<DeliveryOutcome> RunAsync(TaskActivityContext context, DeliverNotificationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return _delivery.AttemptAsync(input.TenantId, input.NotificationId, input.Attempt, input.Owner, CancellationToken.None);
    }
}
