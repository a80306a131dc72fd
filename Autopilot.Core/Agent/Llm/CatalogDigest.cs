using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Autopilot.Core.Catalog;

namespace Autopilot.Core.Agent.Llm;

/// <summary>
/// The catalog as a language model may see it: only names that are plain identifiers, simple type names and aggregated
/// statistics. Sampled values never appear: no minimum or maximum of a text column, no PII evidence, and nothing at all
/// of a PII column but its name and "pii: do not select". A name that is not a plain identifier (it could carry
/// instructions) is left out with everything under it, and only counted.
/// </summary>
public sealed partial record CatalogDigest(string Text, int OmittedIdentifiers, int OmittedTables)
{
    public const int MaxTables = 60;
    public const int MaxColumnsPerTable = 120;

    private static readonly HashSet<string> NumericTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "INT64", "INT", "INTEGER", "BIGINT", "SMALLINT", "TINYINT", "HUGEINT", "UBIGINT", "UINTEGER", "USMALLINT", "UTINYINT",
        "FLOAT", "FLOAT64", "FLOAT32", "DOUBLE", "REAL", "NUMERIC", "BIGNUMERIC", "DECIMAL", "BIGDECIMAL",
    };

    private static readonly HashSet<string> DateTypes = new(StringComparer.OrdinalIgnoreCase) { "DATE" };

    private static readonly HashSet<string> TimestampTypes = new(StringComparer.OrdinalIgnoreCase) { "TIMESTAMP", "DATETIME", "TIMESTAMPTZ" };

    /// <summary>True for a name that can be quoted into a prompt: a letter or underscore, then letters, digits, underscores.</summary>
    public static bool IsPlainIdentifier(string? name) => name is not null && PlainIdentifier().IsMatch(name);

    public static CatalogDigest Of(AgentCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var text = new StringBuilder();
        var omittedIdentifiers = 0;
        var omittedTables = 0;
        var columnsByTable = catalog.Columns
            .GroupBy(c => (Dataset: c.Dataset.ToUpperInvariant(), Table: c.Table.ToUpperInvariant()))
            .ToDictionary(g => g.Key, g => g.ToList());
        var written = 0;
        foreach (var table in catalog.Tables.OrderBy(t => t.Dataset, StringComparer.Ordinal).ThenBy(t => t.Table, StringComparer.Ordinal))
        {
            columnsByTable.TryGetValue((table.Dataset.ToUpperInvariant(), table.Table.ToUpperInvariant()), out var columns);
            columns ??= [];
            if (!IsPlainIdentifier(table.Dataset) || !IsPlainIdentifier(table.Table))
            {
                omittedIdentifiers += 1 + columns.Count;
                omittedTables++;
                continue;
            }

            if (written == MaxTables)
            {
                omittedTables++;
                continue;
            }

            written++;
            WriteTable(text, table);
            var listed = 0;
            foreach (var column in columns)
            {
                if (!IsPlainIdentifier(column.Column))
                {
                    omittedIdentifiers++;
                    continue;
                }

                if (listed == MaxColumnsPerTable)
                {
                    continue;
                }

                listed++;
                WriteColumn(text, column);
            }
        }

        if (written == 0)
        {
            text.AppendLine("(no tables)");
        }

        return new CatalogDigest(text.ToString(), omittedIdentifiers, omittedTables);
    }

    private static void WriteTable(StringBuilder text, CatalogTable table)
    {
        text.Append(CultureInfo.InvariantCulture, $"table {table.Dataset}.{table.Table}: rows={table.RowCount}");
        if (IsPlainIdentifier(table.TimeColumn))
        {
            text.Append(CultureInfo.InvariantCulture, $", time_column={table.TimeColumn}");
        }

        if (IsPlainIdentifier(table.PartitionColumn))
        {
            text.Append(CultureInfo.InvariantCulture, $", partitioned_by={table.PartitionColumn}");
        }

        if (table.FreshnessHours is { } hours && double.IsFinite(hours))
        {
            text.Append(CultureInfo.InvariantCulture, $", freshness_hours={Math.Round(hours, 1)}");
        }

        text.AppendLine();
    }

    private static void WriteColumn(StringBuilder text, CatalogColumn column)
    {
        var type = TypeName(column.DataType);
        text.Append(CultureInfo.InvariantCulture, $"  - {column.Column} {type}");
        if (column.IsPii)
        {
            // Not even the statistics of a PII column: a distinct count or a range can identify people.
            text.AppendLine(", pii: do not select");
            return;
        }

        if (double.IsFinite(column.NullPct))
        {
            text.Append(CultureInfo.InvariantCulture, $", null_pct={Math.Round(column.NullPct, 1)}");
        }

        text.Append(CultureInfo.InvariantCulture, $", distinct={column.DistinctCount}");
        if (Range(type, column.Min, column.Max) is { } range)
        {
            text.Append(", range=").Append(range);
        }

        text.AppendLine();
    }

    // The leading word of the type only: "DECIMAL(18,3)" → DECIMAL, "STRUCT<…>" → STRUCT. Whatever follows could be text.
    private static string TypeName(string? dataType)
    {
        var match = TypeWord().Match(dataType ?? string.Empty);
        return match.Success ? match.Value.ToUpperInvariant() : "UNKNOWN";
    }

    // A range only for numbers and dates, and only when both ends parse as such: text columns' extremes are sampled values.
    private static string? Range(string type, string? min, string? max)
    {
        if (NumericTypes.Contains(type))
        {
            return Number(min) is { } low && Number(max) is { } high ? $"{low}..{high}" : null;
        }

        if (DateTypes.Contains(type) || TimestampTypes.Contains(type) || type.StartsWith("TIMESTAMP", StringComparison.Ordinal))
        {
            var format = DateTypes.Contains(type) ? "yyyy-MM-dd" : "yyyy-MM-dd'T'HH:mm:ss'Z'";
            return Instant(min, format) is { } low && Instant(max, format) is { } high ? $"{low}..{high}" : null;
        }

        return null;
    }

    private static string? Number(string? raw) =>
        double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value.ToString("G10", CultureInfo.InvariantCulture)
            : null;

    private static string? Instant(string? raw, string format) =>
        DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value.UtcDateTime.ToString(format, CultureInfo.InvariantCulture)
            : null;

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]{0,127}\z", RegexOptions.CultureInvariant)]
    private static partial Regex PlainIdentifier();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,31}", RegexOptions.CultureInvariant)]
    private static partial Regex TypeWord();
}
