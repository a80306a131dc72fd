using System.Globalization;
using System.Text.Json;
using Autopilot.Core.Warehouse.BigQuery.Wire;

namespace Autopilot.Core.Warehouse.BigQuery;

/// <summary>
/// Decodes BigQuery's row format (<c>{"f":[{"v":…}]}</c>, every scalar a string) with the schema's types; see
/// <see cref="QueryResult"/> for the .NET types produced. A value that does not fit its type is a malformed response.
/// </summary>
internal static class BigQueryRowDecoder
{
    public static Dictionary<string, object?> DecodeRow(TableRow row, IReadOnlyList<TableFieldSchema> fields)
    {
        var cells = row.F ?? throw new FormatException("a row without cells");
        if (cells.Count != fields.Count)
        {
            throw new FormatException($"a row of {cells.Count} cells for {fields.Count} columns");
        }

        var values = new Dictionary<string, object?>(fields.Count, StringComparer.Ordinal);
        for (var i = 0; i < fields.Count; i++)
        {
            values[fields[i].Name ?? $"f{i}"] = Decode(cells[i].V, fields[i]);
        }

        return values;
    }

    public static object? Decode(JsonElement value, TableFieldSchema field)
    {
        if (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return null;
        }

        if (string.Equals(field.Mode, "REPEATED", StringComparison.OrdinalIgnoreCase))
        {
            if (value.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException($"column {field.Name} is REPEATED but its value is not an array");
            }

            var element = field with { Mode = "NULLABLE" };
            var list = new List<object?>(value.GetArrayLength());
            foreach (var item in value.EnumerateArray())
            {
                list.Add(Decode(CellValue(item), element));
            }

            return list;
        }

        var type = BigQueryTypes.Normalize(field.Type);
        if (type == "STRUCT")
        {
            var fields = field.Fields ?? throw new FormatException($"RECORD column {field.Name} has no fields in the schema");
            if (value.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"RECORD column {field.Name} holds no row");
            }

            return DecodeRow(value.Deserialize<TableRow>(BigQueryJson.Options)!, fields);
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
        return DecodeScalar(text, type, field.Name);
    }

    private static JsonElement CellValue(JsonElement item) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty("v", out var v) ? v : item;

    private static object DecodeScalar(string text, string type, string? column)
    {
        var invariant = CultureInfo.InvariantCulture;
        switch (type)
        {
            case "INT64":
                return long.Parse(text, NumberStyles.Integer, invariant);
            case "FLOAT64":
                return double.Parse(text, NumberStyles.Float, invariant);
            case "NUMERIC" or "BIGNUMERIC":
                // BIGNUMERIC holds up to 76 digits; past decimal's range the exact text is kept.
                return decimal.TryParse(text, NumberStyles.Float, invariant, out var number) ? number : text;
            case "BOOL":
                return text.ToUpperInvariant() switch
                {
                    "TRUE" => true,
                    "FALSE" => false,
                    _ => throw new FormatException($"column {column}: '{text}' is not a BOOL"),
                };
            case "TIMESTAMP":
                return ParseTimestamp(text);
            case "DATE":
                return DateOnly.ParseExact(text, "yyyy-MM-dd", invariant);
            case "BYTES":
                return Convert.FromBase64String(text);
            default:
                // STRING, JSON, DATETIME, TIME, GEOGRAPHY, INTERVAL, RANGE and anything newer: as sent.
                return text;
        }
    }

    /// <summary>
    /// TIMESTAMP arrives as seconds since the epoch in floating-point text, often in exponent form
    /// (<c>"1.7641008E9"</c>, <c>"1.764100800123456E9"</c>); decimal keeps the microseconds exact.
    /// </summary>
    public static DateTimeOffset ParseTimestamp(string text)
    {
        var seconds = decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        var micros = (long)decimal.Round(seconds * 1_000_000m, MidpointRounding.AwayFromZero);
        return DateTimeOffset.UnixEpoch.AddTicks(micros * TimeSpan.TicksPerMicrosecond);
    }
}
