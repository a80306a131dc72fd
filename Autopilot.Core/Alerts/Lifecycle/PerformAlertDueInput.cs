namespace Autopilot.Core.Alerts.Lifecycle;

/// <summary>Perform <paramref name="Due"/> on the alert if still due for that due time; <paramref name="By"/> names the performer.</summary>
public sealed record PerformAlertDueInput(string TenantId, string AlertId, AlertDue Due, string By);
