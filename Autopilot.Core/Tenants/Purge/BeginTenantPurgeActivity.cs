using Autopilot.Core.Audit;
using Microsoft.DurableTask;

namespace Autopilot.Core.Tenants.Purge;

/// <summary>
/// The purge's first stage (PURGE-5): counts every store and audits <c>tenant_purge_executed</c> with those counts, once
/// per purge however often the engine runs it.
/// </summary>
public sealed class BeginTenantPurgeActivity : TaskActivity<TenantPurgeInput, TenantPurgeStart>
{
    private readonly TenantPurgeServices _purge;
    private readonly AuditLog _audit;

    public BeginTenantPurgeActivity(TenantPurgeServices purge, AuditLog audit)
    {
        _purge = purge;
        _audit = audit;
    }

    public override async Task<TenantPurgeStart> RunAsync(TaskActivityContext context, TenantPurgeInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (marker, tenant) = await _purge.TenantAsync(input.MarkerKey, CancellationToken.None);
        var counts = await CountTenantStoresActivity.CountAllAsync(_purge.Stores, tenant, CancellationToken.None);
        await _audit.AppendOnceAsync(tenant, "tenant_purge_executed", new
        {
            tenant_id = tenant,
            force = marker.Force,
            started_at = Storage.ApiTime.Format(marker.StartedAt),
            preview_counts = counts,
        }, "tenant_purge_executed\n" + marker.InstanceId, CancellationToken.None);
        return new TenantPurgeStart([.. _purge.Stores.All.Select(s => s.Name)], counts);
    }
}
