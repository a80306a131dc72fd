using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Autopilot.Core.Alerts.Lifecycle;
using Azure.Data.Tables;

namespace Autopilot.Core.Alerts;

/// <summary>Escalations and reminders (ALERT-7, NTF-7): the conditional transitions both the lifecycle timers and the explicit routes use.</summary>
public sealed partial class AlertStore
{
    /// <summary>The tenant's acknowledgement reminder period: its <c>ack_reminder_minutes</c> in alert-clock minutes.</summary>
    public async Task<TimeSpan> ReminderPeriodAsync(string tenantId, CancellationToken cancellation) =>
        _minute * AckReminder.MinutesOf(await _settings.GetAsync<JsonObject>(tenantId, AckReminder.RoutingSettingName, cancellation));

    /// <summary>
    /// Performs <paramref name="due"/> on the alert if it is still due for exactly that due time (under the row's ETag);
    /// <paramref name="by"/> names the performer, so its retried attempt reports <see cref="AlertDueOutcome.Performed"/>
    /// again while any other performer sees <see cref="AlertDueOutcome.Moved"/>. Null when the alert does not exist.
    /// </summary>
    public async Task<AlertTransition?> PerformAsync(string tenantId, string alertId, AlertDue due, string by, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(due);
        var policy = await PolicyAsync(tenantId, cancellation);
        var reminderPeriod = await ReminderPeriodAsync(tenantId, cancellation);
        AlertTransition? decided = null;
        var stored = await UpdateAsync(tenantId, alertId, (alert, now) =>
        {
            decided = AlertTransitions.Apply(alert, due, now, policy.For(alert.Severity, _minute), reminderPeriod, by);
            return decided.Alert;
        }, cancellation);
        return stored is null ? null : decided;
    }

    /// <summary>ALERT-7 on demand: every alert of the tenant whose escalation is due now, escalated by <paramref name="by"/>.</summary>
    public Task<IReadOnlyList<PerformedDue>> EscalateDueAsync(string tenantId, string by, CancellationToken cancellation) =>
        PerformDueAsync(tenantId, by, alert => AlertSchedule.EscalationDue(alert) is { } at ? new AlertDue(Notifications.AlertEventTypes.Escalated, at) : null, cancellation);

    /// <summary>NTF-7 on demand: every unacknowledged alert of the tenant whose reminder is due now, reminded by <paramref name="by"/>.</summary>
    public async Task<IReadOnlyList<PerformedDue>> RemindDueAsync(string tenantId, string by, CancellationToken cancellation)
    {
        var period = await ReminderPeriodAsync(tenantId, cancellation);
        return await PerformDueAsync(tenantId, by, alert => AlertSchedule.ReminderDue(alert, period) is { } at ? new AlertDue(Notifications.AlertEventTypes.Reminder, at) : null, cancellation);
    }

    /// <summary>Every open or escalated alert of every tenant — the alerts that must have a running lifecycle (the sweep's list).</summary>
    public async IAsyncEnumerable<Alert> ListWithLifecycleAsync([EnumeratorCancellation] CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        // Across partitions on purpose: the sweep repairs every tenant. The status column keeps the scan to live rows.
        var filter = TableClient.CreateQueryFilter($"RowKey ge {"a|"} and RowKey lt {"a}"} and (status eq {AlertStatuses.Open} or status eq {AlertStatuses.Escalated})");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellation))
        {
            yield return FromEntity(entity);
        }
    }

    private async Task<IReadOnlyList<PerformedDue>> PerformDueAsync(string tenantId, string by, Func<Alert, AlertDue?> dueOf, CancellationToken cancellation)
    {
        var now = _time.GetUtcNow();
        var performed = new List<PerformedDue>();
        foreach (var alert in (await ListAsync(tenantId, null, cancellation)).OrderBy(a => a.CreatedAt))
        {
            if (dueOf(alert) is { } due && due.At <= now
                && await PerformAsync(tenantId, alert.AlertId, due, by, cancellation) is { Outcome: AlertDueOutcome.Performed } done)
            {
                performed.Add(new PerformedDue(done.Alert, due));
            }
        }

        return performed;
    }
}
