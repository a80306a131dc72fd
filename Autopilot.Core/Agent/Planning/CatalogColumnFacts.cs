using Autopilot.Core.Catalog;

namespace Autopilot.Core.Agent.Planning;

/// <summary>What the planner and the validator read off a catalog column: its PII standing and its type family.</summary>
internal static class CatalogColumnFacts
{
    /// <summary>PII: tagged so by a person or a value pattern (confidence 80 or more).</summary>
    public static bool IsPii(CatalogColumn column) => column.IsPii || column.PiiConfidence >= 80;

    /// <summary>PII, or suspected of it and awaiting review: never grouped or filtered on by the planner.</summary>
    public static bool IsPiiOrSuspect(CatalogColumn column) => IsPii(column) || (column.PiiType is not null && column.PiiConfidence >= 30);

    public static bool IsNumeric(string? dataType) => Family(dataType) == TypeFamily.Number;

    public static bool IsTemporal(string? dataType) => Family(dataType) == TypeFamily.Time;

    /// <summary>The family a BigQuery type compares within: a join key of one family cannot equal one of another.</summary>
    public static TypeFamily Family(string? dataType)
    {
        var type = dataType?.Trim().ToUpperInvariant() ?? string.Empty;
        var paren = type.IndexOfAny(['(', '<']);
        if (paren > 0)
        {
            type = type[..paren];
        }

        return type switch
        {
            "STRING" => TypeFamily.String,
            "INT64" or "INT" or "INTEGER" or "SMALLINT" or "BIGINT" or "TINYINT" or "BYTEINT" or "FLOAT64" or "FLOAT"
                or "NUMERIC" or "BIGNUMERIC" or "DECIMAL" or "BIGDECIMAL" => TypeFamily.Number,
            "BOOL" or "BOOLEAN" => TypeFamily.Bool,
            "TIMESTAMP" or "DATETIME" or "DATE" => TypeFamily.Time,
            "TIME" => TypeFamily.TimeOfDay,
            "BYTES" => TypeFamily.Bytes,
            "JSON" => TypeFamily.Json,
            _ => TypeFamily.Other,
        };
    }
}

/// <summary>Groups of BigQuery types whose values compare with each other.</summary>
internal enum TypeFamily
{
    Other,
    String,
    Number,
    Bool,
    Time,
    TimeOfDay,
    Bytes,
    Json,
}
