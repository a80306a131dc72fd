using Autopilot.Core.Storage;
using Azure.Data.Tables;

namespace Autopilot.Core.Tenants.Data;

/// <summary>
/// Rows of many tenants in one shared partition (indexes the timers read, the service-wide slots): the tenant's rows are
/// those whose <c>tenant_id</c> property names it.
/// </summary>
public sealed class SharedPartitionRows : ITenantData
{
    private readonly TableStorage _storage;
    private readonly string _table;
    private readonly string _partition;

    public SharedPartitionRows(string name, TableStorage storage, string table, string partition)
    {
        Name = name;
        _storage = storage;
        _table = table;
        _partition = partition;
        Tables = [table];
    }

    public string Name { get; }

    public IReadOnlyList<string> Tables { get; }

    public Task<long> CountAsync(string tenantId, CancellationToken cancellation) => TableRows.CountAsync(_storage, _table, Filter(tenantId), cancellation);

    public Task<int> RemovePageAsync(string tenantId, string pseudonym, int max, CancellationToken cancellation) =>
        TableRows.DeletePageAsync(_storage, _table, Filter(tenantId), max, cancellation);

    private string Filter(string tenantId) => TableClient.CreateQueryFilter($"PartitionKey eq {_partition} and tenant_id eq {tenantId}");
}
