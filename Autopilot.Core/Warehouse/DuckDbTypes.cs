namespace Autopilot.Core.Warehouse;

/// <summary>Maps DuckDB type names to the BigQuery names the rest of Autopilot speaks, and sizes them.</summary>
internal static class DuckDbTypes
{
    public static string ToBigQuery(string duckType)
    {
        ArgumentNullException.ThrowIfNull(duckType);
        var t = duckType.Trim().ToUpperInvariant();
        if (t.EndsWith(']'))
        {
            return "ARRAY";
        }

        if (t.StartsWith("DECIMAL", StringComparison.Ordinal) || t.StartsWith("NUMERIC", StringComparison.Ordinal))
        {
            return "NUMERIC";
        }

        if (t.StartsWith("STRUCT", StringComparison.Ordinal) || t.StartsWith("UNION", StringComparison.Ordinal))
        {
            return "STRUCT";
        }

        if (t.StartsWith("MAP", StringComparison.Ordinal))
        {
            // BigQuery has no map type; maps land there as ARRAY<STRUCT<key, value>>.
            return "ARRAY";
        }

        if (t.StartsWith("ENUM", StringComparison.Ordinal))
        {
            return "STRING";
        }

        return t switch
        {
            "VARCHAR" or "CHAR" or "BPCHAR" or "TEXT" or "STRING" or "UUID" => "STRING",
            "TINYINT" or "SMALLINT" or "INTEGER" or "BIGINT" or "UTINYINT" or "USMALLINT" or "UINTEGER" => "INT64",
            "UBIGINT" => "NUMERIC",
            "HUGEINT" or "UHUGEINT" or "VARINT" or "BIGNUM" => "BIGNUMERIC",
            "FLOAT" or "REAL" or "DOUBLE" => "FLOAT64",
            "BOOLEAN" => "BOOL",
            "DATE" => "DATE",
            "TIME" or "TIME WITH TIME ZONE" => "TIME",
            "TIMESTAMP" or "TIMESTAMP_S" or "TIMESTAMP_MS" or "TIMESTAMP_NS" or "TIMESTAMP WITH TIME ZONE" => "TIMESTAMP",
            "INTERVAL" => "INTERVAL",
            "BLOB" or "BIT" => "BYTES",
            "JSON" => "JSON",
            "GEOMETRY" => "GEOGRAPHY",
            _ => t,
        };
    }

    public static bool IsTemporal(string bigQueryType) => bigQueryType is "TIMESTAMP" or "DATE" or "DATETIME";

    /// <summary>True for types whose min/max are safe to report: numbers, booleans, dates and times — not text.</summary>
    public static bool HasReportableRange(string bigQueryType) =>
        bigQueryType is "INT64" or "FLOAT64" or "NUMERIC" or "BIGNUMERIC" or "BOOL" or "DATE" or "TIME" or "TIMESTAMP" or "DATETIME";

    public static bool IsWithTimeZone(string duckType) =>
        duckType.Trim().Equals("TIMESTAMP WITH TIME ZONE", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// SQL summing a column's logical bytes as BigQuery bills them: a fixed width per non-null value for scalar types,
    /// 2 + the UTF-8 length for strings, JSON and bytes, and the text length for anything else.
    /// </summary>
    public static string LogicalBytesSql(string quotedColumn, string bigQueryType) => bigQueryType switch
    {
        "BOOL" => $"count({quotedColumn})",
        "INT64" or "FLOAT64" or "DATE" or "TIME" or "TIMESTAMP" or "DATETIME" => $"8 * count({quotedColumn})",
        "NUMERIC" or "INTERVAL" => $"16 * count({quotedColumn})",
        "BIGNUMERIC" => $"32 * count({quotedColumn})",
        "BYTES" => $"coalesce(sum(2 + octet_length(CAST({quotedColumn} AS BLOB))), 0)",
        "STRING" or "JSON" => $"coalesce(sum(2 + strlen(CAST({quotedColumn} AS VARCHAR))), 0)",
        _ => $"coalesce(sum(strlen(CAST({quotedColumn} AS VARCHAR))), 0)",
    };
}
