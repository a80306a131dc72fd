namespace Autopilot.Core.Alerts.Lifecycle;

/// <summary>An alert after an attempted escalation or reminder, and what the attempt came to.</summary>
public sealed record AlertTransition(Alert Alert, AlertDueOutcome Outcome);
