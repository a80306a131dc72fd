using Autopilot.Core.Storage;
using Azure;
using Azure.Data.Tables;

namespace Autopilot.Core.Connectors;

/// <summary>
/// The tenants with a connected warehouse, a row each in one partition, so the weekly timer reads one partition
/// instead of scanning every tenant's connections. Written before a connection turns active and removed after it is
/// disconnected, so a crash between the two leaves at most a stale row — readers check the connection itself.
/// </summary>
public sealed class ConnectedTenantIndex
{
    private const string TableName = "ConnectedTenants";
    private const string Partition = "tenants";
    private const string MetaPartition = "meta";
    private const string BackfillMarker = "backfilled_v1";
    private readonly TableStorage _storage;

    public ConnectedTenantIndex(TableStorage storage) => _storage = storage;

    public async Task AddAsync(string tenantId, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        await table.UpsertEntityAsync(new TableEntity(Partition, TableKey.Escape(tenantId)) { ["tenant_id"] = tenantId }, TableUpdateMode.Replace, cancellation);
    }

    public async Task RemoveAsync(string tenantId, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        try
        {
            await table.DeleteEntityAsync(Partition, TableKey.Escape(tenantId), ETag.All, cancellation);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Not listed: nothing to remove.
        }
    }

    /// <summary>
    /// Lists the tenants of <paramref name="activeTenants"/> once per store (a marker row records it): connections made
    /// before this index existed have no row, and the weekly timer would never see them. Safe to run concurrently and
    /// again after a crash — rows are upserts and the marker is written last.
    /// </summary>
    public async Task<int> BackfillOnceAsync(Func<CancellationToken, IAsyncEnumerable<string>> activeTenants, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(activeTenants);
        var table = await _storage.TableAsync(TableName);
        if ((await table.GetEntityIfExistsAsync<TableEntity>(MetaPartition, BackfillMarker, cancellationToken: cancellation)).HasValue)
        {
            return 0;
        }

        var added = 0;
        await foreach (var tenant in activeTenants(cancellation))
        {
            await AddAsync(tenant, cancellation);
            added++;
        }

        await table.UpsertEntityAsync(new TableEntity(MetaPartition, BackfillMarker) { ["tenants"] = added }, TableUpdateMode.Replace, cancellation);
        return added;
    }

    /// <summary>Every listed tenant, streamed page by page (keys only).</summary>
    public async IAsyncEnumerable<string> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"),
            select: ["PartitionKey", "RowKey", "tenant_id"], cancellationToken: cancellation))
        {
            yield return entity.GetString("tenant_id");
        }
    }
}
