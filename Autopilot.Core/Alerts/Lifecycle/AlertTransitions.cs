using Autopilot.Core.Alerts.Notifications;

namespace Autopilot.Core.Alerts.Lifecycle;

/// <summary>
/// The two timed changes of an alert, each conditional on the alert still being due FOR THE GIVEN DUE TIME — so a
/// lifecycle timer and an explicit route racing for one due time change the alert once, and only the winner announces it.
/// Pure: the store applies them under the row's ETag.
/// </summary>
public static class AlertTransitions
{
    /// <summary>ALERT-7: status escalated, escalated_count + 1, last_notified_at now, next escalation one policy period from now.</summary>
    public static AlertTransition Escalate(Alert alert, DateTimeOffset dueAt, DateTimeOffset now, TimeSpan period, string by)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var mark = new TransitionMark(dueAt, by);
        var outcome = Decide(alert.LastEscalation == mark, AlertSchedule.EscalationDue(alert), dueAt, now);
        return outcome != AlertDueOutcome.Performed || alert.LastEscalation == mark
            ? new AlertTransition(alert, outcome)
            : new AlertTransition(alert with
            {
                Status = AlertStatuses.Escalated,
                EscalatedCount = alert.EscalatedCount + 1,
                LastNotifiedAt = now,
                NextEscalationAt = now + period,
                LastEscalation = mark,
            }, outcome);
    }

    /// <summary>NTF-7: an unacknowledged alert's reminder; last_notified_at now, so the next one is a reminder period later.</summary>
    public static AlertTransition Remind(Alert alert, DateTimeOffset dueAt, DateTimeOffset now, TimeSpan reminderPeriod, string by)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var mark = new TransitionMark(dueAt, by);
        var outcome = Decide(alert.LastReminder == mark, AlertSchedule.ReminderDue(alert, reminderPeriod), dueAt, now);
        return outcome != AlertDueOutcome.Performed || alert.LastReminder == mark
            ? new AlertTransition(alert, outcome)
            : new AlertTransition(alert with { LastNotifiedAt = now, LastReminder = mark }, outcome);
    }

    /// <summary>Applies the transition named by <paramref name="due"/>'s event type.</summary>
    public static AlertTransition Apply(Alert alert, AlertDue due, DateTimeOffset now, TimeSpan escalationPeriod, TimeSpan reminderPeriod, string by)
    {
        ArgumentNullException.ThrowIfNull(due);
        return due.EventType switch
        {
            AlertEventTypes.Escalated => Escalate(alert, due.At, now, escalationPeriod, by),
            AlertEventTypes.Reminder => Remind(alert, due.At, now, reminderPeriod, by),
            _ => throw new ArgumentException($"nothing falls due as '{due.EventType}'", nameof(due)),
        };
    }

    private static AlertDueOutcome Decide(bool doneByMe, DateTimeOffset? dueNow, DateTimeOffset dueAt, DateTimeOffset now) =>
        doneByMe ? AlertDueOutcome.Performed
        : dueNow != dueAt ? AlertDueOutcome.Moved
        : now < dueAt ? AlertDueOutcome.Early
        : AlertDueOutcome.Performed;
}
