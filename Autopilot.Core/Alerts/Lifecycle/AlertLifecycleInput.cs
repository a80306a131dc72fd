namespace Autopilot.Core.Alerts.Lifecycle;

/// <summary>Which alert a lifecycle follows.</summary>
public sealed record AlertLifecycleInput(string TenantId, string AlertId);
