using Microsoft.DurableTask;

namespace Autopilot.Core.Alerts.Notifications.Delivery;

/// <summary>Raises (or updates) the <see cref="DeliveryFailureAlert"/> of an alert; idempotent by its dedupe key.</summary>
public sealed class RaiseDeliveryFailureAlertActivity : TaskActivity<DeliveryFailureAlert, string>
{
    private readonly IAlertSink _alerts;

    public RaiseDeliveryFailureAlertActivity(IAlertSink alerts) => _alerts = alerts;

    public override async Task<string> RunAsync(TaskActivityContext context, DeliveryFailureAlert input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var alert = await _alerts.RaiseAsync(input.TenantId, new AlertRequest(
            DeliveryFailureAlert.DedupeKey(input.AlertId),
            "Alert notifications could not be delivered",
            $"All {input.Notifications} notification(s) of the {input.EventType} event of P0 alert {input.AlertId} failed after every retry.",
            "P0",
            DeliveryFailureAlert.SourceType,
            input.AlertId), CancellationToken.None);
        return alert.AlertId;
    }
}
