using Autopilot.Core.Storage;
using Azure;
using Azure.Data.Tables;

namespace Autopilot.Core.Admission;

/// <summary>
/// The tenants that may have admission work — queued items or launches not yet known to be started — in one
/// partition, a row per tenant, so the queue sweep reads this partition instead of scanning every tenant's rows.
/// A row is written before the admission transaction that could need it, and removed by the sweep once the
/// tenant is idle: only a row untouched for <see cref="Grace"/> and only with the ETag it read, so a tenant that
/// queued meanwhile keeps its row. (Table transactions cannot span partitions, hence write-before, not same-batch.)
/// </summary>
public sealed class PendingWorkIndex
{
    private const string TableName = "AdmissionPending";
    private const string Partition = "tenants";
    private readonly TableStorage _storage;
    private readonly TimeProvider _time;

    public PendingWorkIndex(TableStorage storage, TimeProvider time)
    {
        _storage = storage;
        _time = time;
    }

    /// <summary>Longer than any admission transaction takes after its index write, retries included.</summary>
    public static TimeSpan Grace { get; } = TimeSpan.FromSeconds(30);

    public async Task MarkAsync(string tenantId, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        await table.UpsertEntityAsync(
            new TableEntity(Partition, TableKey.Escape(tenantId)) { ["tenant_id"] = tenantId, ["marked_at"] = _time.GetUtcNow() },
            TableUpdateMode.Replace,
            cancellation);
    }

    public async Task<IReadOnlyList<PendingTenant>> ListAsync(CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        var tenants = new List<PendingTenant>();
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: cancellation))
        {
            tenants.Add(new PendingTenant(entity.GetString("tenant_id"), entity.GetDateTimeOffset("marked_at") ?? default, entity.ETag));
        }

        return tenants;
    }

    /// <summary>Removes an idle tenant's row unless it was marked again since it was read (or within the grace).</summary>
    public async Task<bool> ForgetAsync(PendingTenant tenant, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        if (_time.GetUtcNow() - tenant.MarkedAt < Grace)
        {
            return false;
        }

        var table = await _storage.TableAsync(TableName);
        try
        {
            await table.DeleteEntityAsync(Partition, TableKey.Escape(tenant.TenantId), tenant.ETag, cancellation);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return false;
        }
    }
}
