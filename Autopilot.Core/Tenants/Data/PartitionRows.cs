using Autopilot.Core.Storage;

namespace Autopilot.Core.Tenants.Data;

/// <summary>
/// A table whose partition is the tenant (most of them), or a row-key range of it when one table holds two kinds of
/// rows purge reports apart (artifact heads and versions, alerts and their dedupe pointers).
/// </summary>
public sealed class PartitionRows : ITenantData
{
    private readonly TableStorage _storage;
    private readonly string _table;
    private readonly (string From, string To)? _range;
    private readonly bool _outside;

    /// <param name="range">Row keys from (inclusive) to (exclusive); null for the whole partition.</param>
    /// <param name="outside">Every row of the partition except those in <paramref name="range"/> (the rest of a split table).</param>
    public PartitionRows(string name, TableStorage storage, string table, (string From, string To)? range = null, bool outside = false)
    {
        Name = name;
        _storage = storage;
        _table = table;
        _range = range;
        _outside = outside;
        Tables = [table];
    }

    public string Name { get; }

    public IReadOnlyList<string> Tables { get; }

    public Task<long> CountAsync(string tenantId, CancellationToken cancellation) => TableRows.CountAsync(_storage, _table, Filter(tenantId), cancellation);

    public Task<int> RemovePageAsync(string tenantId, string pseudonym, int max, CancellationToken cancellation) =>
        TableRows.DeletePageAsync(_storage, _table, Filter(tenantId), max, cancellation);

    private string Filter(string tenantId) => _range switch
    {
        null => TableRows.Partition(tenantId),
        var (from, to) when _outside => TableRows.Partition(tenantId) + " and " + Azure.Data.Tables.TableClient.CreateQueryFilter($"(RowKey lt {from} or RowKey ge {to})"),
        var (from, to) => TableRows.PartitionRange(tenantId, from, to),
    };
}
