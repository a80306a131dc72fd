namespace Autopilot.Core.Alerts.Lifecycle;

/// <summary>
/// When things fall due for an alert — pure, so the lifecycle, the explicit routes and the tests compute the same moments.
/// Only open and escalated alerts have anything due: an acknowledged alert waits for a person (ALERT-3 keeps it
/// acknowledged through a dedupe update) and a resolved one is over. A snooze holds escalation and reminders until it
/// ends and then they are due again (the §31 fix of ALERT-8: a snooze neither acknowledges nor lasts).
/// </summary>
public static class AlertSchedule
{
    /// <summary>Whether the alert has a running lifecycle: something can still fall due without a person acting.</summary>
    public static bool HasLifecycle(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return alert.Status is AlertStatuses.Open or AlertStatuses.Escalated;
    }

    /// <summary>ALERT-7: the next escalation, held until the snooze ends; null when none is due ever.</summary>
    public static DateTimeOffset? EscalationDue(Alert alert) =>
        HasLifecycle(alert) && alert.NextEscalationAt is { } next ? NotBefore(next, alert.SnoozedUntil) : null;

    /// <summary>NTF-7: an unacknowledged alert is reminded <paramref name="reminderPeriod"/> after it was last notified, held by a snooze.</summary>
    public static DateTimeOffset? ReminderDue(Alert alert, TimeSpan reminderPeriod) =>
        HasLifecycle(alert) && alert.AcknowledgedAt is null && alert.LastNotifiedAt is { } last ? NotBefore(last + reminderPeriod, alert.SnoozedUntil) : null;

    /// <summary>
    /// The earliest of the two; on a tie the escalation, which notifies too (and so moves the reminder on).
    /// </summary>
    public static AlertDue? Next(Alert alert, TimeSpan reminderPeriod)
    {
        var escalation = EscalationDue(alert);
        var reminder = ReminderDue(alert, reminderPeriod);
        return (escalation, reminder) switch
        {
            ({ } e, { } r) when r < e => new AlertDue(Notifications.AlertEventTypes.Reminder, r),
            ({ } e, _) => new AlertDue(Notifications.AlertEventTypes.Escalated, e),
            (null, { } r) => new AlertDue(Notifications.AlertEventTypes.Reminder, r),
            _ => null,
        };
    }

    private static DateTimeOffset NotBefore(DateTimeOffset at, DateTimeOffset? snoozedUntil) => snoozedUntil > at ? snoozedUntil.Value : at;
}
