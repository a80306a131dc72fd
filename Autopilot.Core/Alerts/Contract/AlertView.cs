namespace Autopilot.Core.Alerts.Contract;

/// <summary>One alert as GET /alerts lists it. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record AlertView(string AlertId, string Title, string Message, string Severity, string Status, int EscalatedCount, string? NextEscalationAt, string? AcknowledgedBy, string? SnoozedUntil, string? SnoozedBy, string? SnoozedReason);
