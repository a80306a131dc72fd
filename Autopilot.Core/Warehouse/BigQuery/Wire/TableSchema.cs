namespace Autopilot.Core.Warehouse.BigQuery.Wire;

internal sealed record TableSchema(IReadOnlyList<TableFieldSchema>? Fields);

/// <summary>A field; <paramref name="Type"/> may be a legacy name (INTEGER, FLOAT, BOOLEAN, RECORD), <paramref name="Mode"/> NULLABLE, REQUIRED or REPEATED.</summary>
internal sealed record TableFieldSchema(string? Name, string? Type, string? Mode, IReadOnlyList<TableFieldSchema>? Fields);
