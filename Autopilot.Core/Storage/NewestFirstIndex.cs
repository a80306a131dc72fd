using System.Globalization;
using Autopilot.Core.Api;
using Azure;
using Azure.Data.Tables;

namespace Autopilot.Core.Storage;

/// <summary>
/// A per-tenant list of ids ordered newest first, for paging records whose own row key is their id: one row per
/// record, keyed by inverted ticks then id, in a table of its own. Rows are immutable pointers; the record is read
/// by its id, so an index row whose record is gone is skipped by the caller.
/// </summary>
public sealed class NewestFirstIndex
{
    private readonly TableStorage _storage;
    private readonly string _tableName;

    public NewestFirstIndex(TableStorage storage, string tableName)
    {
        _storage = storage;
        _tableName = tableName;
    }

    public async Task AddAsync(string tenantId, DateTimeOffset at, string id, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(_tableName);
        await table.UpsertEntityAsync(new TableEntity(TableKey.Escape(tenantId), RowKey(at, id)) { ["id"] = id }, TableUpdateMode.Replace, cancellation);
    }

    public async Task RemoveAsync(string tenantId, DateTimeOffset at, string id, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(_tableName);
        try
        {
            await table.DeleteEntityAsync(TableKey.Escape(tenantId), RowKey(at, id), ETag.All, cancellation);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already gone.
        }
    }

    /// <summary>Ids newest first, optionally only those at or after <paramref name="from"/> and before <paramref name="to"/>.</summary>
    public async Task<ItemPage<string>> PageAsync(string tenantId, PageQuery page, CancellationToken cancellation, DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        var table = await _storage.TableAsync(_tableName);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Escape(tenantId)}");
        if (to is { } before)
        {
            // Older than `to` means a larger inverted value: keys from the next tick's prefix on.
            filter += " and " + TableClient.CreateQueryFilter($"RowKey ge {Inverted(before.UtcTicks - 1)}");
        }

        if (from is { } since)
        {
            filter += " and " + TableClient.CreateQueryFilter($"RowKey lt {Inverted(since.UtcTicks - 1)}");
        }

        var rows = await TablePaging.PageAsync(table, filter, page, cancellation, select: ["PartitionKey", "RowKey", "id"]);
        return new ItemPage<string>(rows.Items.Select(e => e.GetString("id")).ToList(), rows.NextCursor);
    }

    internal static string RowKey(DateTimeOffset at, string id) => Inverted(at.UtcTicks) + "|" + TableKey.Escape(id);

    private static string Inverted(long ticks) => (DateTimeOffset.MaxValue.UtcTicks - ticks).ToString("D19", CultureInfo.InvariantCulture);
}
