namespace Autopilot.Core.Warehouse;

/// <summary>A result column; <paramref name="Type"/> is a BigQuery type name (INT64, FLOAT64, STRING, TIMESTAMP, STRUCT, ARRAY, ...).</summary>
public sealed record QueryColumn(string Name, string Type);
