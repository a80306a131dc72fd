using System.Text.Json;
using Autopilot.Core.Engine;
using Autopilot.Core.Storage;
using Azure.Data.Tables;

namespace Autopilot.Core.Tenants;

/// <summary>A tenant's own settings (overrides of service defaults), one JSON row per named setting in the tenant's partition.</summary>
public sealed class TenantSettingsStore
{
    private const string TableName = "TenantSettings";
    private readonly TableStorage _storage;

    public TenantSettingsStore(TableStorage storage) => _storage = storage;

    public async Task<T?> GetAsync<T>(string tenantId, string name, CancellationToken cancellation) where T : class
    {
        var table = await _storage.TableAsync(TableName);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(TableKey.Escape(tenantId), TableKey.Escape(name), cancellationToken: cancellation);
        return found.HasValue ? JsonSerializer.Deserialize<T>(found.Value!.GetString("data"), AutopilotJson.Options) : null;
    }

    public async Task SetAsync<T>(string tenantId, string name, T value, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        await table.UpsertEntityAsync(
            new TableEntity(TableKey.Escape(tenantId), TableKey.Escape(name)) { ["data"] = JsonSerializer.Serialize(value, AutopilotJson.Options) },
            TableUpdateMode.Replace,
            cancellation);
    }
}
