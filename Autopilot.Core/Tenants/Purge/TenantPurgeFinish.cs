namespace Autopilot.Core.Tenants.Purge;

/// <summary>The outcome to record on the marker.</summary>
public sealed record TenantPurgeFinish(string MarkerKey, TenantPurgeResult Result);
