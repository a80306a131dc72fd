using Autopilot.Core.Alerts.Notifications;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Autopilot.Core.Alerts.Lifecycle;

/// <summary>
/// The lifecycle's timed change: escalates or reminds only if the alert is still due for that due time, and when it did,
/// starts the occurrence's announcement (<see cref="AlertNotifier"/>, deduplicated by instance id). Idempotent — a re-run
/// after a crash finds its own mark on the row, reports <see cref="AlertDueOutcome.Performed"/> again and its second start
/// of the announcement is refused, so the occurrence is announced once. Starting rather than awaiting the announcement
/// keeps a slow delivery (retries over 1/4/16 minutes) from delaying the alert's next escalation or reminder.
/// </summary>
public sealed class PerformAlertDueActivity : TaskActivity<PerformAlertDueInput, AlertDueOutcome>
{
    private readonly AlertStore _alerts;
    private readonly DurableTaskClient _engine;

    public PerformAlertDueActivity(AlertStore alerts, DurableTaskClient engine)
    {
        _alerts = alerts;
        _engine = engine;
    }

    public override async Task<AlertDueOutcome> RunAsync(TaskActivityContext context, PerformAlertDueInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var transition = await _alerts.PerformAsync(input.TenantId, input.AlertId, input.Due, input.By, CancellationToken.None);
        var outcome = transition?.Outcome ?? AlertDueOutcome.Moved;
        if (outcome == AlertDueOutcome.Performed)
        {
            await AlertNotifier.QueueAsync(_engine, input.Due.ToEvent(input.TenantId, input.AlertId), CancellationToken.None);
        }

        return outcome;
    }
}
