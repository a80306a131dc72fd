namespace Autopilot.Core.Tenants.Purge;

/// <summary>
/// A tenant's purge, keyed by a hash of its id (the row never holds the id once the purge is verified). While
/// <see cref="Status"/> is not <see cref="TenantPurgeStatus.Purged"/>, the tenant's routes answer 409: a half-purged tenant
/// never looks whole. <see cref="Pseudonym"/> replaces the tenant id in the audit rows kept.
/// </summary>
public sealed record TenantPurgeMarker(
    string Key,
    string? TenantId,
    string Pseudonym,
    string InstanceId,
    string Status,
    bool Force,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string? ResultJson);
