using Microsoft.DurableTask;

namespace Autopilot.Core.Alerts.Lifecycle;

/// <summary>
/// The lifecycle's timed change: escalates or reminds only if the alert is still due for that due time. Idempotent — a
/// re-run after a crash finds its own mark on the row and reports <see cref="AlertDueOutcome.Performed"/> again, so the
/// occurrence is still announced, and announced once.
/// </summary>
public sealed class PerformAlertDueActivity : TaskActivity<PerformAlertDueInput, AlertDueOutcome>
{
    private readonly AlertStore _alerts;

    public PerformAlertDueActivity(AlertStore alerts) => _alerts = alerts;

    public override async Task<AlertDueOutcome> RunAsync(TaskActivityContext context, PerformAlertDueInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var transition = await _alerts.PerformAsync(input.TenantId, input.AlertId, input.Due, input.By, CancellationToken.None);
        return transition?.Outcome ?? AlertDueOutcome.Moved;
    }
}
