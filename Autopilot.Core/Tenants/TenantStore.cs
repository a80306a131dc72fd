using Autopilot.Core.Storage;
using Azure;
using Azure.Data.Tables;

namespace Autopilot.Core.Tenants;

/// <summary>
/// Tenant records (TEN-8): one row per tenant in its own partition, written by connect, by the first workflow and by
/// an admin (tester onboarding). Purge needs a record to exist (PURGE-3) and deletes it last.
/// </summary>
public sealed class TenantStore
{
    public const string TableName = "Tenants";
    private const string RecordRow = "tenant";
    private readonly TableStorage _storage;
    private readonly TimeProvider _time;

    public TenantStore(TableStorage storage, TimeProvider time)
    {
        _storage = storage;
        _time = time;
    }

    /// <summary>Creates the record unless it exists; true when it existed before this call. Safe to repeat and to race.</summary>
    public async Task<bool> EnsureAsync(string tenantId, string createdBy, CancellationToken cancellation)
    {
        if (await ExistsAsync(tenantId, cancellation))
        {
            return true;
        }

        var table = await _storage.TableAsync(TableName);
        try
        {
            await table.AddEntityAsync(
                new TableEntity(TableKey.Escape(tenantId), RecordRow) { ["tenant_id"] = tenantId, ["created_by"] = createdBy, ["created_at"] = _time.GetUtcNow() },
                cancellation);
            return false;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Another request created it first.
            return true;
        }
    }

    public async Task<bool> ExistsAsync(string tenantId, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(TableKey.Escape(tenantId), RecordRow, select: ["PartitionKey"], cancellationToken: cancellation);
        return found.HasValue;
    }
}
