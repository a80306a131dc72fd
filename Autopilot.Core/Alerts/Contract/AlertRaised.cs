namespace Autopilot.Core.Alerts.Contract;

/// <summary>Body of POST /alerts. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record AlertRaised(string AlertId, string Status, string Severity, string? NextEscalationAt, int EscalatedCount, string? SnoozedUntil);
