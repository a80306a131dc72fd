namespace Autopilot.Core.Alerts;

/// <summary>
/// Who performed an alert's escalation or reminder, and for which due time. Only one performer wins a due time (the
/// change is conditional on the row); the mark lets that performer's retried step recognise its own work and announce it.
/// </summary>
public sealed record TransitionMark(DateTimeOffset DueAt, string By);
