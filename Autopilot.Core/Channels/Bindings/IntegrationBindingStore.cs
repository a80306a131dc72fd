using System.Globalization;
using Autopilot.Core.Storage;
using Azure;
using Azure.Data.Tables;

namespace Autopilot.Core.Channels.Bindings;

/// <summary>
/// Every tenant's bindings in one partition of <see cref="TableName"/>, so one transaction can keep three facts together:
/// the id counter (<c>counter</c>, ETag-guarded: two racing upserts cannot take one id), the binding (<c>b|{tenant}|{id}</c>,
/// ascending id per tenant) and its identity index (<c>x|{type}|{external id}</c>, added — never replaced — so an identity
/// has at most one owner across tenants, and the webhooks resolve it with one point read). Bindings are an admin's handful
/// per tenant, far below one partition's throughput.
/// </summary>
public sealed class IntegrationBindingStore
{
    public const string TableName = "IntegrationBindings";

    /// <summary>The one partition; purge finds a tenant's rows in it by their <c>tenant_id</c>.</summary>
    public const string Partition = "bindings";

    private const string CounterRow = "counter";
    private const int MaxAttempts = 64;
    private readonly TableStorage _storage;
    private readonly TimeProvider _time;

    public IntegrationBindingStore(TableStorage storage, TimeProvider time)
    {
        _storage = storage;
        _time = time;
    }

    /// <summary>Binds (type, external id) to the tenant; the tenant's existing binding when it has one; a conflict when another tenant has.</summary>
    public async Task<BindingUpsert> UpsertAsync(string tenantId, string bindingType, string externalId, CancellationToken cancellation)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        var table = await _storage.TableAsync(TableName);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (await FindAsync(bindingType, externalId, cancellation) is { } existing)
            {
                return existing.TenantId == tenantId ? new BindingUpsert(existing, false) : new BindingUpsert(null, false);
            }

            var counter = await table.GetEntityIfExistsAsync<TableEntity>(Partition, CounterRow, cancellationToken: cancellation);
            var id = (counter.HasValue ? counter.Value!.GetInt64("next") ?? 0 : 0) + 1;
            var binding = new IntegrationBinding(id, tenantId, bindingType, externalId, _time.GetUtcNow());
            var next = new TableEntity(Partition, CounterRow) { ["next"] = id };
            try
            {
                await TableBatch.SubmitAtomicAsync(table,
                [
                    counter.HasValue
                        ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, next, counter.Value!.ETag)
                        : new TableTransactionAction(TableTransactionActionType.Add, next),
                    new TableTransactionAction(TableTransactionActionType.Add, ToEntity(BindingRow(tenantId, id), binding)),
                    new TableTransactionAction(TableTransactionActionType.Add, ToEntity(IndexRow(bindingType, externalId), binding)),
                ], cancellation);
                return new BindingUpsert(binding, true);
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another upsert took this id or bound this identity first: read again. Jitter keeps racers from colliding in step.
                await Task.Delay(Random.Shared.Next(2, 10 + (attempt * 4)), cancellation);
            }
        }

        throw new InvalidOperationException($"Could not store a binding after {MaxAttempts} attempts: the id counter is contended.");
    }

    /// <summary>The tenant's bindings, ascending id.</summary>
    public async Task<IReadOnlyList<IntegrationBinding>> ListAsync(string tenantId, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        var prefix = $"b|{TableKey.Escape(tenantId)}|";
        // The tenant_id term keeps out a tenant whose escaped id merely starts like this one's.
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {prefix} and RowKey lt {prefix + "~"} and tenant_id eq {tenantId}");
        var items = new List<IntegrationBinding>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellation))
        {
            items.Add(FromEntity(row));
        }

        return items;
    }

    /// <summary>Who owns an identity, across tenants (CHAN-5/6): one point read of its index row.</summary>
    public async Task<IntegrationBinding?> FindAsync(string bindingType, string externalId, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, IndexRow(bindingType, externalId), cancellationToken: cancellation);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    /// <summary>Removes the tenant's binding and its index row together; false when the tenant has no binding of that id.</summary>
    public async Task<bool> DeleteAsync(string tenantId, long id, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, BindingRow(tenantId, id), cancellationToken: cancellation);
        if (!row.HasValue || row.Value!.GetString("tenant_id") != tenantId)
        {
            return false;
        }

        var binding = FromEntity(row.Value);
        try
        {
            await TableBatch.SubmitAtomicAsync(table,
            [
                new TableTransactionAction(TableTransactionActionType.Delete, row.Value, ETag.All),
                new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(Partition, IndexRow(binding.BindingType, binding.ExternalId)), ETag.All),
            ], cancellation);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 404)
        {
            // A concurrent delete of the same binding won.
            return false;
        }
    }

    private static string BindingRow(string tenantId, long id) =>
        $"b|{TableKey.Escape(tenantId)}|{id.ToString("D12", CultureInfo.InvariantCulture)}";

    private static string IndexRow(string bindingType, string externalId) => $"x|{TableKey.Escape(bindingType)}|{TableKey.Escape(externalId)}";

    private static TableEntity ToEntity(string rowKey, IntegrationBinding b) => new(Partition, rowKey)
    {
        ["tenant_id"] = b.TenantId,
        ["id"] = b.Id,
        ["binding_type"] = b.BindingType,
        ["external_id"] = b.ExternalId,
        ["created_at"] = b.CreatedAt,
    };

    private static IntegrationBinding FromEntity(TableEntity e) => new(
        e.GetInt64("id") ?? 0,
        e.GetString("tenant_id"),
        e.GetString("binding_type"),
        e.GetString("external_id"),
        e.GetDateTimeOffset("created_at") ?? DateTimeOffset.MinValue);
}
