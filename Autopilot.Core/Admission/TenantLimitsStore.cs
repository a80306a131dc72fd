using Autopilot.Core.Storage;
using Azure.Data.Tables;

namespace Autopilot.Core.Admission;

/// <summary>Per-tenant overrides of the admission limits; tenants without one get the configured defaults.</summary>
public sealed class TenantLimitsStore
{
    private const string TableName = "TenantLimits";
    private const string Row = "limits";
    private readonly TableStorage _storage;

    public TenantLimitsStore(TableStorage storage) => _storage = storage;

    public async Task<AdmissionLimits?> GetAsync(string tenantId, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(TableKey.Escape(tenantId), Row, cancellationToken: cancellation);
        return found.HasValue
            ? new AdmissionLimits(found.Value!.GetInt32("concurrency_limit") ?? 3, found.Value.GetInt32("profile_limit") ?? 2)
            : null;
    }

    public async Task SetAsync(string tenantId, AdmissionLimits limits, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var table = await _storage.TableAsync(TableName);
        await table.UpsertEntityAsync(
            new TableEntity(TableKey.Escape(tenantId), Row) { ["concurrency_limit"] = limits.Total, ["profile_limit"] = limits.Profile },
            TableUpdateMode.Replace,
            cancellation);
    }
}
