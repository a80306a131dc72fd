namespace Autopilot.Core.Tenants.Data;

/// <summary>
/// One store that holds rows of a tenant, as purge sees it: counted for the preview and the verification, removed page
/// by page (each page an activity, so a crash costs at most one page and a repeat removes nothing twice).
/// Every store of the code is one of these in <see cref="TenantDataSet"/>; a test checks no table is left out.
/// </summary>
public interface ITenantData
{
    /// <summary>The name in preview <c>counts</c>, purge <c>deleted</c> and the verification record.</summary>
    string Name { get; }

    /// <summary>The storage tables (without prefix) this store covers; empty for stores that are not tables.</summary>
    IReadOnlyList<string> Tables { get; }

    /// <summary>How many of the tenant's rows the store holds now.</summary>
    Task<long> CountAsync(string tenantId, CancellationToken cancellation);

    /// <summary>
    /// Removes at most <paramref name="max"/> of the tenant's rows (rows kept for the record are moved under
    /// <paramref name="pseudonym"/> instead); returns how many it removed, 0 when none are left. Idempotent.
    /// </summary>
    Task<int> RemovePageAsync(string tenantId, string pseudonym, int max, CancellationToken cancellation);
}
