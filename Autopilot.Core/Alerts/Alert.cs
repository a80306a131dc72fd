namespace Autopilot.Core.Alerts;

/// <summary>One alert of a tenant (ALERT-1). Times are UTC; <see cref="NextEscalationAt"/> is when it is next due.</summary>
public sealed record Alert(
    string AlertId,
    string TenantId,
    string SourceType,
    string? SourceId,
    string DedupeKey,
    string Title,
    string Message,
    string Severity,
    string Status,
    int EscalatedCount,
    DateTimeOffset? LastNotifiedAt,
    DateTimeOffset? NextEscalationAt,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    DateTimeOffset? SnoozedUntil,
    string? SnoozedBy,
    string? SnoozedReason,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset CreatedAt)
{
    /// <summary>The last escalation: for which due time and by whom (a lifecycle or a route), so a retried step knows its own work.</summary>
    public TransitionMark? LastEscalation { get; init; }

    /// <summary>The last acknowledgement reminder (NTF-7): for which due time and by whom.</summary>
    public TransitionMark? LastReminder { get; init; }

    /// <summary>Whether the escalation schedule applies now (ALERT-7 without the seed's ALERT-8 quirk: an expired snooze no longer holds it).</summary>
    public bool IsDue(DateTimeOffset now) => Lifecycle.AlertSchedule.EscalationDue(this) <= now;
}
