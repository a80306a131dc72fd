namespace Autopilot.Core.Tenants.Purge;

/// <summary>
/// What the purge orchestration starts with: the marker's key, never the tenant id, so the engine's own history of the
/// purge names no tenant once the marker forgets it (activities read the tenant from the marker). <see cref="Progress"/>
/// is carried across continue-as-new generations.
/// </summary>
public sealed record TenantPurgeInput(string MarkerKey, int PageSize, TenantPurgeProgress? Progress = null);
