using Autopilot.Core.Warehouse.BigQuery.Wire;

namespace Autopilot.Core.Warehouse.BigQuery;

public sealed partial class BigQueryWarehouse
{
    /// <summary>Pseudo column of tables partitioned by ingestion time (time partitioning without a field).</summary>
    public const string IngestionTimeColumn = "_PARTITIONTIME";

    private const int ListPageSize = 1000;
    private const int ParallelTableReads = 4;

    /// <summary>
    /// Every table of every dataset of the project (<c>datasets.list</c>, <c>tables.list</c>, both paged, then
    /// <c>tables.get</c> per table), ordered by dataset and name: schema with standard type names, <c>numRows</c>,
    /// <c>numBytes</c> (logical bytes, as billed on demand) and the time-partitioning column. Views have no row count or bytes (0).
    /// </summary>
    public async Task<WarehouseSchema> IntrospectAsync(CancellationToken ct)
    {
        var tables = new List<(string Dataset, string Table)>();
        foreach (var dataset in await ListDatasetsAsync(ct))
        {
            await foreach (var table in ListTablesAsync(dataset, ct))
            {
                tables.Add((dataset, table));
            }
        }

        var found = new WarehouseTable[tables.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, tables.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelTableReads, CancellationToken = ct },
            async (i, token) => found[i] = await GetTableAsync(tables[i].Dataset, tables[i].Table, token));
        return new WarehouseSchema(found
            .OrderBy(t => t.Dataset, StringComparer.Ordinal)
            .ThenBy(t => t.Name, StringComparer.Ordinal)
            .ToList());
    }

    private async Task<List<string>> ListDatasetsAsync(CancellationToken ct)
    {
        var datasets = new List<string>();
        string? pageToken = null;
        do
        {
            var page = await _rest.GetAsync<DatasetList>(
                $"datasets?maxResults={ListPageSize}{PageTokenParameter(pageToken)}", "datasets.list", ct);
            foreach (var item in page.Datasets ?? [])
            {
                datasets.Add(item.DatasetReference?.DatasetId ?? throw BigQueryErrors.Malformed("datasets.list", "a dataset without id"));
            }

            pageToken = NextPage("datasets.list", pageToken, page.NextPageToken);
        }
        while (pageToken is not null);

        return datasets;
    }

    private async IAsyncEnumerable<string> ListTablesAsync(
        string dataset, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        string? pageToken = null;
        do
        {
            var page = await _rest.GetAsync<TableList>(
                $"datasets/{Escape(dataset)}/tables?maxResults={ListPageSize}{PageTokenParameter(pageToken)}", "tables.list", ct);
            foreach (var item in page.Tables ?? [])
            {
                yield return item.TableReference?.TableId ?? throw BigQueryErrors.Malformed("tables.list", "a table without id");
            }

            pageToken = NextPage("tables.list", pageToken, page.NextPageToken);
        }
        while (pageToken is not null);
    }

    private async Task<WarehouseTable> GetTableAsync(string dataset, string name, CancellationToken ct)
    {
        var table = await GetTableResourceAsync(dataset, name, ct);
        var columns = (table.Schema?.Fields ?? [])
            .Select(f => new WarehouseColumn(
                f.Name ?? throw BigQueryErrors.Malformed("tables.get", "a field without name"), BigQueryTypes.Of(f), BigQueryTypes.IsNullable(f)))
            .ToList();
        return new WarehouseTable(dataset, name, columns, table.NumRows ?? 0, table.NumBytes ?? 0, PartitionColumnOf(table));
    }

    private Task<Table> GetTableResourceAsync(string dataset, string name, CancellationToken ct) =>
        _rest.GetAsync<Table>($"datasets/{Escape(dataset)}/tables/{Escape(name)}", "tables.get", ct);

    /// <summary>The time-partitioning field, <see cref="IngestionTimeColumn"/> for ingestion-time partitioning, else null.</summary>
    private static string? PartitionColumnOf(Table table) => table.TimePartitioning switch
    {
        null => null,
        { Field: { Length: > 0 } field } => field,
        _ => IngestionTimeColumn,
    };

    private static string PageTokenParameter(string? pageToken) => pageToken is null ? "" : "&pageToken=" + Escape(pageToken);

    private static string? NextPage(string operation, string? current, string? next) =>
        next is { Length: > 0 } && next == current
            ? throw BigQueryErrors.Malformed(operation, "the same page token twice")
            : next is { Length: > 0 } ? next : null;
}
