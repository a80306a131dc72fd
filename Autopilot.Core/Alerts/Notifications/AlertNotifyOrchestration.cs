using Microsoft.DurableTask;

namespace Autopilot.Core.Alerts.Notifications;

/// <summary>
/// Announces one <see cref="AlertEvent"/> to the tenant's routing (NTF-3..6). Its instance id is derived from the event
/// (<see cref="InstanceIdFor"/>), so starting it twice for one occurrence is refused by the engine instead of
/// notifying twice. Contract only so far: the fan-out and delivery stages are being built (issue 12).
/// </summary>
public sealed class AlertNotifyOrchestration : TaskOrchestrator<AlertEvent, AlertNotifyResult>
{
    /// <summary>The instance id for one occurrence of an alert event.</summary>
    public static string InstanceIdFor(AlertEvent alertEvent)
    {
        ArgumentNullException.ThrowIfNull(alertEvent);
        return $"ntf-{alertEvent.TenantId}-{alertEvent.AlertId}-{alertEvent.EventKey}";
    }

    public override Task<AlertNotifyResult> RunAsync(TaskOrchestrationContext context, AlertEvent input) =>
        Task.FromResult(new AlertNotifyResult([], 0, 0));
}
