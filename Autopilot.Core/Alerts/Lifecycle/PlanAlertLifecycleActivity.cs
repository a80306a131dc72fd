using Microsoft.DurableTask;

namespace Autopilot.Core.Alerts.Lifecycle;

/// <summary>Reads the alert and works out its next due moment (<see cref="AlertSchedule.Next"/>) under the tenant's reminder period.</summary>
public sealed class PlanAlertLifecycleActivity : TaskActivity<AlertLifecycleInput, AlertLifecyclePlan>
{
    private readonly AlertStore _alerts;

    public PlanAlertLifecycleActivity(AlertStore alerts) => _alerts = alerts;

    public override async Task<AlertLifecyclePlan> RunAsync(TaskActivityContext context, AlertLifecycleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await _alerts.GetAsync(input.TenantId, input.AlertId, CancellationToken.None) is not { } alert)
        {
            return new AlertLifecyclePlan(null, null);
        }

        return new AlertLifecyclePlan(alert.Status, AlertSchedule.Next(alert, await _alerts.ReminderPeriodAsync(input.TenantId, CancellationToken.None)));
    }
}
