namespace Autopilot.Core.Tenants.Purge;

/// <summary>
/// A finished purge: rows removed per store, what the verification counted after (all zero when
/// <see cref="Status"/> is purged), the audit rows kept under the pseudonym, and what was removed from Metabase (null
/// when the service has no Metabase).
/// </summary>
public sealed record TenantPurgeResult(
    string Status,
    IReadOnlyDictionary<string, long> Deleted,
    IReadOnlyDictionary<string, long> Remaining,
    long AuditRowsRetained,
    MetabasePurge? Metabase = null);
