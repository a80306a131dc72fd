using System.Text.Json;
using Autopilot.Core.Engine;
using Autopilot.Core.Storage;
using Azure.Data.Tables;

namespace Autopilot.Core.Catalog;

/// <summary>
/// The tenant's catalog of tables and columns. Rows have deterministic keys (connection + name), so writing the
/// same profile twice — an activity re-run after a crash — leaves exactly one row per table and column.
/// </summary>
public sealed class CatalogStore
{
    private const string TablesTable = "CatalogTables";
    private const string ColumnsTable = "CatalogColumns";
    private readonly TableStorage _storage;

    public CatalogStore(TableStorage storage) => _storage = storage;

    /// <summary>Makes the connection's catalog equal to the given rows: upserts them, deletes rows no longer present.</summary>
    public async Task ReplaceAsync(string tenantId, string connectionId, IReadOnlyList<CatalogTable> tables, IReadOnlyList<CatalogColumn> columns, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(columns);
        var partition = TableKey.Escape(tenantId);
        await ReplaceRowsAsync(TablesTable, partition, connectionId,
            tables.Select(t => ToEntity(partition, RowKey(connectionId, t.Dataset, t.Table), t)).ToList(), cancellation);
        await ReplaceRowsAsync(ColumnsTable, partition, connectionId,
            columns.Select(c => ToEntity(partition, RowKey(connectionId, c.Dataset, c.Table, c.Column), c)).ToList(), cancellation);
    }

    /// <summary>Sets <c>is_pii</c> on the tenant's matching columns (every connection); returns how many rows matched.</summary>
    public async Task<int> ApplyPiiDecisionsAsync(string tenantId, IReadOnlyList<Pii.PiiDecision> decisions, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        var table = await _storage.TableAsync(ColumnsTable);
        var partition = TableKey.Escape(tenantId);
        var wanted = decisions.GroupBy(d => (d.Dataset, d.Table, d.Column)).ToDictionary(g => g.Key, g => g.Last().IsPii);
        var changes = new List<TableTransactionAction>();
        var matched = 0;
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: cancellation))
        {
            var column = JsonSerializer.Deserialize<CatalogColumn>(entity.GetString("data"), AutopilotJson.Options)!;
            if (wanted.TryGetValue((column.Dataset, column.Table, column.Column), out var isPii))
            {
                matched++;
                changes.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(partition, entity.RowKey, column with { IsPii = isPii })));
            }
        }

        await TableBatch.SubmitChunkedAsync(table, changes, cancellation);
        return matched;
    }

    public Task<IReadOnlyList<CatalogTable>> ListTablesAsync(string tenantId, CancellationToken cancellation) =>
        ListAsync<CatalogTable>(TablesTable, tenantId, cancellation);

    public Task<IReadOnlyList<CatalogColumn>> ListColumnsAsync(string tenantId, CancellationToken cancellation) =>
        ListAsync<CatalogColumn>(ColumnsTable, tenantId, cancellation);

    /// <summary>Deletes the catalog rows of one connection (disconnect, CONN-5.4). Returns how many rows went.</summary>
    public async Task<int> DeleteConnectionAsync(string tenantId, string connectionId, CancellationToken cancellation)
    {
        var partition = TableKey.Escape(tenantId);
        var removed = await ReplaceRowsAsync(TablesTable, partition, connectionId, [], cancellation);
        removed += await ReplaceRowsAsync(ColumnsTable, partition, connectionId, [], cancellation);
        return removed;
    }

    private async Task<int> ReplaceRowsAsync(string tableName, string partition, string connectionId, IReadOnlyList<TableEntity> rows, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(tableName);
        var prefix = TableKey.Escape(connectionId) + "|";
        var keep = rows.Select(r => r.RowKey).ToHashSet(StringComparer.Ordinal);
        var stale = new List<TableTransactionAction>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {prefix} and RowKey lt {prefix + "~"}");
        await foreach (var existing in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellation))
        {
            if (!keep.Contains(existing.RowKey))
            {
                stale.Add(new TableTransactionAction(TableTransactionActionType.Delete, existing, Azure.ETag.All));
            }
        }

        await TableBatch.SubmitChunkedAsync(table, rows.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), cancellation);
        await TableBatch.SubmitChunkedAsync(table, stale, cancellation);
        return stale.Count;
    }

    private async Task<IReadOnlyList<T>> ListAsync<T>(string tableName, string tenantId, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(tableName);
        var items = new List<T>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Escape(tenantId)}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["data"], cancellationToken: cancellation))
        {
            items.Add(JsonSerializer.Deserialize<T>(entity.GetString("data"), AutopilotJson.Options)!);
        }

        return items;
    }

    private static string RowKey(params string[] parts) => string.Join('|', parts.Select(TableKey.Escape));

    // The whole record is stored as JSON: it is always read whole, and new fields need no schema change.
    private static TableEntity ToEntity<T>(string partition, string rowKey, T record) => new(partition, rowKey)
    {
        ["data"] = JsonSerializer.Serialize(record, AutopilotJson.Options),
    };
}
