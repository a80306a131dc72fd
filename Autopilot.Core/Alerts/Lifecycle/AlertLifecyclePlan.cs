namespace Autopilot.Core.Alerts.Lifecycle;

/// <summary>One read of the alert for its lifecycle: its status, and what falls due next (null: nothing ever — the lifecycle ends).</summary>
public sealed record AlertLifecyclePlan(string? Status, AlertDue? Next);
