namespace Autopilot.Core.Warehouse;

/// <summary>
/// One table: <paramref name="Dataset"/> is the BigQuery dataset (the schema in DuckDB), <paramref name="Bytes"/>
/// an estimate, <paramref name="PartitionColumn"/> the time column profiling uses for freshness, or null.
/// </summary>
public sealed record WarehouseTable(
    string Dataset,
    string Name,
    IReadOnlyList<WarehouseColumn> Columns,
    long RowCount,
    long Bytes,
    string? PartitionColumn);
