using DuckDB.NET.Data;

namespace Autopilot.Core.Warehouse;

/// <summary>
/// The demo warehouse over a DuckDB file (see <see cref="DemoWarehouse"/>). Every call opens its own locked-down
/// read-only connection, so concurrent calls are safe; timeouts come from the cancellation token (DuckDB ignores
/// CommandTimeout).
/// </summary>
public sealed partial class DuckDbWarehouse : IWarehouse
{
    public const string DemoKind = "duckdb-demo";

    /// <summary>
    /// Names a temporal column must have to serve as a table's partition (time) column; the first such column in
    /// column order wins. Update-style columns (updated_at) are deliberately absent: they say when a row last changed,
    /// not when data arrived.
    /// </summary>
    public static IReadOnlyList<string> PartitionColumnNames { get; } =
    [
        "created_at", "timestamp", "event_time", "event_timestamp", "event_date", "occurred_at",
        "inserted_at", "ingested_at", "ts", "date", "day", "partition_date",
    ];

    private readonly string _path;
    private readonly TimeProvider _time;

    public DuckDbWarehouse(string path, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(time);
        _path = path;
        _time = time;
    }

    public string Kind => DemoKind;

    /// <summary>BigQuery SQL translated to DuckDB's: functions the translation does not carry are refused.</summary>
    public Sql.SqlDialect Dialect => Sql.SqlDialect.DuckDb;

    /// <summary>The embedded demo: queries here touch no customer data and cost nothing.</summary>
    public bool IsLive => false;

    /// <summary>
    /// Tables of dataset <c>analytics</c> by name (as BigQuery lists them), with exact row counts and
    /// <see cref="WarehouseTable.Bytes"/> = BigQuery-style logical bytes (see <see cref="DuckDbTypes.LogicalBytesSql"/>).
    /// </summary>
    public async Task<WarehouseSchema> IntrospectAsync(CancellationToken ct)
    {
        await using var connection = Open(ct);
        var columnsByTable = new List<(string Table, List<WarehouseColumn> Columns)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT c.table_name, c.column_name, c.data_type, c.is_nullable
                FROM duckdb_columns() c
                JOIN duckdb_tables() t
                  ON t.database_name = c.database_name AND t.schema_name = c.schema_name AND t.table_name = c.table_name
                WHERE c.database_name = current_database() AND c.schema_name = $dataset
                  AND NOT t.internal AND NOT t.temporary
                ORDER BY c.table_name, c.column_index
                """;
            command.Parameters.Add(new DuckDBParameter("dataset", DemoWarehouse.Dataset));
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var table = reader.GetString(0);
                if (columnsByTable.Count == 0 || columnsByTable[^1].Table != table)
                {
                    columnsByTable.Add((table, []));
                }

                columnsByTable[^1].Columns.Add(
                    new WarehouseColumn(reader.GetString(1), DuckDbTypes.ToBigQuery(reader.GetString(2)), reader.GetBoolean(3)));
            }
        }

        var tables = new List<WarehouseTable>(columnsByTable.Count);
        foreach (var (name, columns) in columnsByTable)
        {
            var (rows, bytes) = await CountAsync(connection, name, columns, ct);
            tables.Add(new WarehouseTable(DemoWarehouse.Dataset, name, columns, rows, bytes, PartitionColumnOf(columns)));
        }

        return new WarehouseSchema(tables);
    }

    public async Task<bool> PingAsync(CancellationToken ct)
    {
        try
        {
            await using var connection = Open(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            return Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) == 1;
        }
#pragma warning disable CA1031 // The contract: a ping reports failure as false, whatever the failure was.
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }

    /// <summary>The first temporal column named as in <see cref="PartitionColumnNames"/>, or null.</summary>
    public static string? PartitionColumnOf(IReadOnlyList<WarehouseColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        return columns.FirstOrDefault(c =>
            DuckDbTypes.IsTemporal(c.DataType)
            && PartitionColumnNames.Contains(c.Name, StringComparer.OrdinalIgnoreCase))?.Name;
    }

    private DuckDBConnection Open(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return DemoWarehouse.OpenReadOnly(_path);
    }

    private static async Task<(long Rows, long Bytes)> CountAsync(
        DuckDBConnection connection, string table, List<WarehouseColumn> columns, CancellationToken ct)
    {
        var bytes = string.Join(" + ", columns.Select(c => DuckDbTypes.LogicalBytesSql(Quote(c.Name), c.DataType)));
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*), CAST({bytes} AS BIGINT) FROM {QualifiedName(table)}";
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt64(0), reader.IsDBNull(1) ? 0 : reader.GetInt64(1));
    }

    private static string QualifiedName(string table) => QualifiedName(DemoWarehouse.Dataset, table);

    private static string QualifiedName(string dataset, string table) => $"{Quote(dataset)}.{Quote(table)}";

    /// <summary>Quotes an identifier for DuckDB; names come from introspection but may hold any character.</summary>
    internal static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
