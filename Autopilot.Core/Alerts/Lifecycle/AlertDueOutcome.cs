namespace Autopilot.Core.Alerts.Lifecycle;

/// <summary>What became of a due escalation or reminder when someone tried to perform it.</summary>
public enum AlertDueOutcome
{
    /// <summary>This performer did it (now, or in an earlier attempt of the same step): it announces it.</summary>
    Performed,

    /// <summary>Not yet due by the performer's clock (durable timers can fire a second early): try again at the due time.</summary>
    Early,

    /// <summary>No longer due for that due time: done by someone else, or the alert changed (ack, snooze, resolve, raise).</summary>
    Moved,
}
