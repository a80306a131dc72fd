namespace Autopilot.Core.Tenants.Purge;

/// <summary>
/// A finished purge: rows removed per store, what the verification counted after (all zero when
/// <see cref="Status"/> is purged), and the audit rows kept under the pseudonym.
/// </summary>
public sealed record TenantPurgeResult(
    string Status,
    IReadOnlyDictionary<string, long> Deleted,
    IReadOnlyDictionary<string, long> Remaining,
    long AuditRowsRetained);
