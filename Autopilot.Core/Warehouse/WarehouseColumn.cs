namespace Autopilot.Core.Warehouse;

/// <summary>A column; <paramref name="DataType"/> is a BigQuery type name (STRING, INT64, FLOAT64, TIMESTAMP, ...).</summary>
public sealed record WarehouseColumn(string Name, string DataType, bool Nullable);
