using Autopilot.Core.Tenants.Data;
using Microsoft.DurableTask;

namespace Autopilot.Core.Tenants.Purge;

/// <summary>The verification stage: every store counted again for the tenant.</summary>
public sealed class CountTenantStoresActivity : TaskActivity<string, Dictionary<string, long>>
{
    private readonly TenantPurgeServices _purge;

    public CountTenantStoresActivity(TenantPurgeServices purge) => _purge = purge;

    public override async Task<Dictionary<string, long>> RunAsync(TaskActivityContext context, string input)
    {
        var (_, tenant) = await _purge.TenantAsync(input, CancellationToken.None);
        return await CountAllAsync(_purge.Stores, tenant, CancellationToken.None);
    }

    /// <summary>Each store's count of the tenant's rows, by store name, in purge order.</summary>
    public static async Task<Dictionary<string, long>> CountAllAsync(TenantDataSet stores, string tenantId, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(stores);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var store in stores.All)
        {
            counts[store.Name] = await store.CountAsync(tenantId, cancellation);
        }

        return counts;
    }
}
