using Microsoft.DurableTask;

namespace Autopilot.Core.Tenants.Purge;

/// <summary>Removes one page of one store's rows of the tenant; 0 when the store holds none.</summary>
public sealed class PurgeTenantStoreActivity : TaskActivity<TenantPurgeStageInput, int>
{
    private readonly TenantPurgeServices _purge;

    public PurgeTenantStoreActivity(TenantPurgeServices purge) => _purge = purge;

    public override async Task<int> RunAsync(TaskActivityContext context, TenantPurgeStageInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (marker, tenant) = await _purge.TenantAsync(input.MarkerKey, CancellationToken.None);
        return await _purge.Stores[input.Store].RemovePageAsync(tenant, marker.Pseudonym, input.PageSize, CancellationToken.None);
    }
}
