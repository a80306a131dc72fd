using System.Text.Json;
using Autopilot.Core.Engine;
using Autopilot.Core.Storage;
using Azure.Data.Tables;

namespace Autopilot.Core.Queries;

/// <summary>Per-tenant SQL gate limits.</summary>
public sealed class TenantQueryLimitsStore
{
    private const string TableName = "TenantQueryLimits";
    private const string Row = "limits";
    private readonly TableStorage _storage;

    public TenantQueryLimitsStore(TableStorage storage) => _storage = storage;

    public async Task<TenantQueryLimits?> GetAsync(string tenantId, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(TableKey.Escape(tenantId), Row, cancellationToken: cancellation);
        return found.HasValue ? JsonSerializer.Deserialize<TenantQueryLimits>(found.Value!.GetString("data"), AutopilotJson.Options) : null;
    }

    public async Task SetAsync(string tenantId, TenantQueryLimits limits, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        await table.UpsertEntityAsync(new TableEntity(TableKey.Escape(tenantId), Row) { ["data"] = JsonSerializer.Serialize(limits, AutopilotJson.Options) }, TableUpdateMode.Replace, cancellation);
    }
}
