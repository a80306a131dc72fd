namespace Autopilot.Core.Sql;

/// <summary>
/// What the gate knows of a table from the catalog: its time (partition) column and size. A table needs a time filter
/// when it has a <see cref="PartitionColumn"/> and is <see cref="Partitioned"/> or at least
/// <see cref="SqlGateOptions.LargeTableBytes"/> big.
/// </summary>
/// <param name="PartitionColumn">The column to filter on: the partition column, or the table's time column.</param>
/// <param name="RowCount">Rows in the table.</param>
/// <param name="Bytes">Logical bytes of the table.</param>
/// <param name="PartitionColumnType">Type of <paramref name="PartitionColumn"/>.</param>
/// <param name="Partitioned">False when <paramref name="PartitionColumn"/> is only a time column (no real partitioning).</param>
public sealed record SqlTablePolicy(
    string? PartitionColumn,
    long RowCount,
    long Bytes,
    SqlTimeColumnType PartitionColumnType = SqlTimeColumnType.Timestamp,
    bool Partitioned = true);
