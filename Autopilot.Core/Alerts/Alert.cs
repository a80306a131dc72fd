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
    /// <summary>Whether the escalation schedule applies now (ALERT-7 without the seed's ALERT-8 quirk: an expired snooze no longer holds it).</summary>
    public bool IsDue(DateTimeOffset now) =>
        Status is AlertStatuses.Open or AlertStatuses.Escalated
        && NextEscalationAt <= now
        && (SnoozedUntil is null || SnoozedUntil <= now);
}
