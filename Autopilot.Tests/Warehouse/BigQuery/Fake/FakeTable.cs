namespace Autopilot.Tests.Warehouse.BigQuery.Fake;

/// <summary>
/// A table the fake serves: its schema, row count, logical bytes per column (as BigQuery bills them) and time
/// partitioning (<paramref name="PartitionType"/> null when unpartitioned; <paramref name="PartitionField"/> null for
/// ingestion-time partitioning).
/// </summary>
internal sealed record FakeTable(
    string Dataset,
    string Name,
    IReadOnlyList<FakeField> Fields,
    long Rows,
    IReadOnlyDictionary<string, long> ColumnBytes,
    string? PartitionType,
    string? PartitionField)
{
    public long Bytes => ColumnBytes.Values.Sum();
}
