using Autopilot.Core.Alerts;
using Autopilot.Core.Alerts.Lifecycle;
using Autopilot.Core.Alerts.Notifications;
using Microsoft.Extensions.Time.Testing;

namespace Autopilot.Tests.Alerts.Lifecycle;

/// <summary>
/// When an alert's next escalation or acknowledgement reminder falls due, and the conditional transitions that perform
/// them — pure, under a clock the test moves. The lifecycle timers and the explicit routes both rely on these.
/// </summary>
public sealed class AlertScheduleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Escalation = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan Reminder = TimeSpan.FromMinutes(10);

    /// <summary>A P1 raised at <see cref="T0"/>: open, notified at creation, escalation due 30 minutes later.</summary>
    private static Alert Raised() => new("alt_1", "org_a", "system", null, "k", "Orders late", "late", "P1", AlertStatuses.Open, 0,
        T0, T0 + Escalation, null, null, null, null, null, null, T0);

    public static TheoryData<string, Alert, AlertDue?> NextDueCases() => new()
    {
        { "open: the reminder comes first", Raised(), new AlertDue(AlertEventTypes.Reminder, T0 + Reminder) },
        { "open, reminders rarer than escalation: the escalation", Raised() with { LastNotifiedAt = T0 + TimeSpan.FromMinutes(25) }, new AlertDue(AlertEventTypes.Escalated, T0 + Escalation) },
        { "escalated: counts from its last notification", Raised() with { Status = AlertStatuses.Escalated, EscalatedCount = 1, LastNotifiedAt = T0 + Escalation, NextEscalationAt = T0 + 2 * Escalation }, new AlertDue(AlertEventTypes.Reminder, T0 + Escalation + Reminder) },
        { "acknowledged: nothing, ever", Raised() with { Status = AlertStatuses.Acknowledged, AcknowledgedAt = T0, AcknowledgedBy = "u" }, null },
        { "resolved: nothing, ever", Raised() with { Status = AlertStatuses.Resolved, ResolvedAt = T0 }, null },
        { "snoozed past both: the escalation at the snooze's end", Raised() with { SnoozedUntil = T0 + TimeSpan.FromMinutes(45) }, new AlertDue(AlertEventTypes.Escalated, T0 + TimeSpan.FromMinutes(45)) },
        { "snooze already expired: as if never snoozed", Raised() with { SnoozedUntil = T0 + TimeSpan.FromMinutes(5) }, new AlertDue(AlertEventTypes.Reminder, T0 + Reminder) },
        { "snooze between reminder and escalation: the reminder at the snooze's end", Raised() with { SnoozedUntil = T0 + TimeSpan.FromMinutes(20) }, new AlertDue(AlertEventTypes.Reminder, T0 + TimeSpan.FromMinutes(20)) },
        { "never notified: only the escalation", Raised() with { LastNotifiedAt = null }, new AlertDue(AlertEventTypes.Escalated, T0 + Escalation) },
    };

    [Theory]
    [MemberData(nameof(NextDueCases))]
    public void The_next_due_moment_is_the_earliest_of_escalation_and_reminder_held_by_a_snooze_and_none_once_acknowledged_or_resolved(string because, Alert alert, AlertDue? expected)
    {
        Assert.True(expected == AlertSchedule.Next(alert, Reminder), because);
    }

    public static TheoryData<string> Statuses() => [.. AlertStatuses.All];

    [Theory]
    [MemberData(nameof(Statuses))]
    public void Only_open_and_escalated_alerts_have_a_lifecycle_and_anything_due(string status)
    {
        var alert = Raised() with { Status = status };
        var live = status is AlertStatuses.Open or AlertStatuses.Escalated;

        Assert.Equal(live, AlertSchedule.HasLifecycle(alert));
        Assert.Equal(live, AlertSchedule.Next(alert, Reminder) is not null);
        Assert.Equal(live, AlertSchedule.EscalationDue(alert) is not null);
    }

    [Fact]
    public void An_escalation_happens_once_per_due_time_early_is_refused_and_a_retry_by_the_same_performer_is_recognised()
    {
        var clock = new FakeTimeProvider(T0);
        var alert = Raised();
        var due = AlertSchedule.EscalationDue(alert)!.Value;

        clock.Advance(Escalation - TimeSpan.FromSeconds(1));
        Assert.Equal(AlertDueOutcome.Early, AlertTransitions.Escalate(alert, due, clock.GetUtcNow(), Escalation, "timer").Outcome);

        clock.Advance(TimeSpan.FromSeconds(2));
        var now = clock.GetUtcNow();
        var escalated = AlertTransitions.Escalate(alert, due, now, Escalation, "timer");
        Assert.Equal(AlertDueOutcome.Performed, escalated.Outcome);
        Assert.Equal((AlertStatuses.Escalated, 1, now, now + Escalation), (escalated.Alert.Status, escalated.Alert.EscalatedCount, escalated.Alert.LastNotifiedAt, escalated.Alert.NextEscalationAt));

        // The same step retried after a crash recognises its own work and changes nothing; anyone else finds it moved.
        var retried = AlertTransitions.Escalate(escalated.Alert, due, now, Escalation, "timer");
        Assert.Equal(AlertDueOutcome.Performed, retried.Outcome);
        Assert.Same(escalated.Alert, retried.Alert);
        var route = AlertTransitions.Escalate(escalated.Alert, due, now, Escalation, "route");
        Assert.Equal(AlertDueOutcome.Moved, route.Outcome);
        Assert.Equal(1, route.Alert.EscalatedCount);
    }

    [Fact]
    public void A_change_before_the_due_time_moves_it_ack_snooze_and_resolve_all_stop_the_transition()
    {
        var now = T0 + Escalation;
        var alert = Raised();
        var due = AlertSchedule.EscalationDue(alert)!.Value;
        var changed = new[]
        {
            alert with { Status = AlertStatuses.Acknowledged, AcknowledgedAt = T0, AcknowledgedBy = "u" },
            alert with { SnoozedUntil = now + TimeSpan.FromMinutes(5) },
            alert with { Status = AlertStatuses.Resolved, ResolvedAt = T0 },
            alert with { NextEscalationAt = now + Escalation, LastNotifiedAt = now },
        };

        Assert.All(changed, c => Assert.Equal(AlertDueOutcome.Moved, AlertTransitions.Escalate(c, due, now, Escalation, "timer").Outcome));
        Assert.All(changed, c => Assert.Equal(AlertDueOutcome.Moved, AlertTransitions.Remind(c, T0 + Reminder, now, Reminder, "timer").Outcome));
    }

    [Fact]
    public void A_policy_change_applies_from_the_next_escalation_and_a_snooze_that_expired_lets_it_escalate()
    {
        var alert = Raised() with { SnoozedUntil = T0 + TimeSpan.FromMinutes(40) };
        var due = AlertSchedule.EscalationDue(alert)!.Value;
        Assert.Equal(T0 + TimeSpan.FromMinutes(40), due);

        var now = due + TimeSpan.FromSeconds(1);
        var changedPolicy = TimeSpan.FromMinutes(5);
        var escalated = AlertTransitions.Escalate(alert, due, now, changedPolicy, "timer");

        Assert.Equal(AlertDueOutcome.Performed, escalated.Outcome);
        Assert.Equal(now + changedPolicy, escalated.Alert.NextEscalationAt);
    }

    [Fact]
    public void A_reminder_notifies_without_escalating_and_the_next_one_is_a_reminder_period_later()
    {
        var alert = Raised();
        var due = AlertSchedule.ReminderDue(alert, Reminder)!.Value;
        var now = due + TimeSpan.FromSeconds(3);

        var reminded = AlertTransitions.Remind(alert, due, now, Reminder, "timer");

        Assert.Equal(AlertDueOutcome.Performed, reminded.Outcome);
        Assert.Equal((AlertStatuses.Open, 0, now), (reminded.Alert.Status, reminded.Alert.EscalatedCount, reminded.Alert.LastNotifiedAt));
        Assert.Equal(new AlertDue(AlertEventTypes.Reminder, now + Reminder), AlertSchedule.Next(reminded.Alert, Reminder));
        Assert.Equal(AlertDueOutcome.Moved, AlertTransitions.Remind(reminded.Alert, due, now, Reminder, "route").Outcome);
    }

    [Fact]
    public void One_due_time_has_one_event_key_and_the_next_due_time_another()
    {
        var first = new AlertDue(AlertEventTypes.Escalated, T0 + Escalation).ToEvent("org_a", "alt_1");
        var again = new AlertDue(AlertEventTypes.Escalated, T0 + Escalation).ToEvent("org_a", "alt_1");
        var next = new AlertDue(AlertEventTypes.Escalated, T0 + Escalation + TimeSpan.FromMilliseconds(1)).ToEvent("org_a", "alt_1");
        var reminder = new AlertDue(AlertEventTypes.Reminder, T0 + Escalation).ToEvent("org_a", "alt_1");

        Assert.Equal(AlertNotifyOrchestration.InstanceIdFor(first), AlertNotifyOrchestration.InstanceIdFor(again));
        Assert.Equal(3, new[] { first, next, reminder }.Select(AlertNotifyOrchestration.InstanceIdFor).Distinct().Count());
    }
}
