using Autopilot.Core.Storage;
using Azure;
using Azure.Data.Tables;

namespace Autopilot.Core.Tenants.Data;

/// <summary>Shared paging and deleting of Table rows that match a filter.</summary>
internal static class TableRows
{
    public static async Task<long> CountAsync(TableStorage storage, string table, string filter, CancellationToken cancellation)
    {
        var client = await storage.TableAsync(table);
        long count = 0;
        await foreach (var _ in client.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["PartitionKey", "RowKey"], cancellationToken: cancellation))
        {
            count++;
        }

        return count;
    }

    public static async Task<IReadOnlyList<TableEntity>> PageAsync(TableStorage storage, string table, string filter, int max, CancellationToken cancellation, IEnumerable<string>? select = null)
    {
        var client = await storage.TableAsync(table);
        var rows = new List<TableEntity>(Math.Min(max, 1000));
        await foreach (var row in client.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(max, 1000), select: select ?? ["PartitionKey", "RowKey"], cancellationToken: cancellation))
        {
            rows.Add(row);
            if (rows.Count >= max)
            {
                break;
            }
        }

        return rows;
    }

    /// <summary>Deletes up to <paramref name="max"/> matching rows in batches; returns how many.</summary>
    public static async Task<int> DeletePageAsync(TableStorage storage, string table, string filter, int max, CancellationToken cancellation)
    {
        var rows = await PageAsync(storage, table, filter, max, cancellation);
        await DeleteAsync(storage, table, rows, cancellation);
        return rows.Count;
    }

    public static async Task DeleteAsync(TableStorage storage, string table, IReadOnlyList<TableEntity> rows, CancellationToken cancellation)
    {
        var client = await storage.TableAsync(table);
        try
        {
            await TableBatch.SubmitChunkedAsync(client, rows.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, ETag.All)), cancellation);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 404)
        {
            // Something removed a row meanwhile (a repeated page, the owning feature): one by one, gone is fine.
            foreach (var row in rows)
            {
                try
                {
                    await client.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellation);
                }
                catch (RequestFailedException missing) when (missing.Status == 404)
                {
                }
            }
        }
    }

    public static string Partition(string tenantId) => TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Escape(tenantId)}");

    public static string PartitionRange(string tenantId, string from, string to) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Escape(tenantId)} and RowKey ge {from} and RowKey lt {to}");
}
