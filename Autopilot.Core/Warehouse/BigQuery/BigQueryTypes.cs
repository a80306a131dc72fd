using Autopilot.Core.Warehouse.BigQuery.Wire;

namespace Autopilot.Core.Warehouse.BigQuery;

/// <summary>BigQuery's legacy type names in REST schemas (INTEGER, FLOAT, BOOLEAN, RECORD) mapped to the standard SQL names Autopilot speaks.</summary>
internal static class BigQueryTypes
{
    /// <summary>The column's type: ARRAY for a REPEATED field, otherwise its normalized scalar or STRUCT type.</summary>
    public static string Of(TableFieldSchema field) =>
        string.Equals(field.Mode, "REPEATED", StringComparison.OrdinalIgnoreCase) ? "ARRAY" : Normalize(field.Type);

    public static string Normalize(string? type) => type?.ToUpperInvariant() switch
    {
        "INTEGER" or "INT64" => "INT64",
        "FLOAT" or "FLOAT64" => "FLOAT64",
        "BOOLEAN" or "BOOL" => "BOOL",
        "RECORD" or "STRUCT" => "STRUCT",
        null or "" => "STRING",
        var other => other,
    };

    public static bool IsNullable(TableFieldSchema field) =>
        !string.Equals(field.Mode, "REQUIRED", StringComparison.OrdinalIgnoreCase);
}
