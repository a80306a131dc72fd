using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;

namespace Autopilot.Tests.Warehouse.BigQuery.Fake;

/// <summary>
/// Encodes DuckDB values in BigQuery's row format: <c>{"f":[{"v":…}]}</c>, every scalar a string, TIMESTAMP as
/// floating-point seconds in the exponent form BigQuery prints (<c>1.7641008E9</c>), a NULL array as <c>[]</c>.
/// </summary>
internal static class FakeCells
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static JsonObject Row(IReadOnlyList<object?> values, IReadOnlyList<FakeField> fields) =>
        new() { ["f"] = new JsonArray(fields.Select((f, i) => (JsonNode)Cell(values[i], f)).ToArray()) };

    private static JsonObject Cell(object? value, FakeField field) => new() { ["v"] = Value(value, field) };

    private static JsonNode? Value(object? value, FakeField field)
    {
        if (field.Repeated)
        {
            var element = field with { Mode = "NULLABLE" };
            var items = value is null or DBNull ? [] : ((IEnumerable)value).Cast<object?>();
            return new JsonArray(items.Select(item => (JsonNode)Cell(item, element)).ToArray());
        }

        if (value is null or DBNull)
        {
            return null;
        }

        if (field.Type == "RECORD")
        {
            var members = (IDictionary)value;
            var values = field.Fields.Select(f => members.Contains(f.Name) ? members[f.Name] : null).ToList();
            return Row(values, field.Fields);
        }

        return JsonValue.Create(Scalar(value, field.Type));
    }

    private static string Scalar(object value, string type) => (type, value) switch
    {
        (_, bool b) => b ? "true" : "false",
        (_, double d) => Double(d),
        (_, float f) => Double(f),
        ("TIMESTAMP", DateTime t) => Timestamp(t),
        ("TIMESTAMP", DateTimeOffset t) => Timestamp(t.UtcDateTime),
        ("DATE", DateTime d) => d.ToString("yyyy-MM-dd", Invariant),
        ("DATE", DateOnly d) => d.ToString("yyyy-MM-dd", Invariant),
        (_, TimeSpan t) => t.ToString(@"hh\:mm\:ss\.ffffff", Invariant),
        (_, TimeOnly t) => t.ToString("HH:mm:ss.ffffff", Invariant),
        (_, byte[] bytes) => Convert.ToBase64String(bytes),
        (_, Stream stream) => Convert.ToBase64String(ReadAll(stream)),
        (_, BigInteger i) => i.ToString(Invariant),
        (_, IFormattable f) => f.ToString(null, Invariant),
        _ => value.ToString() ?? "",
    };

    private static string Double(double d) => double.IsNaN(d) ? "NaN"
        : double.IsPositiveInfinity(d) ? "Infinity"
        : double.IsNegativeInfinity(d) ? "-Infinity"
        : d.ToString("R", Invariant);

    /// <summary>Seconds since the epoch as Java's <c>Double.toString</c> prints them, which is what BigQuery sends.</summary>
    public static string Timestamp(DateTime utc)
    {
        var micros = (utc.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond;
        var seconds = micros / 1_000_000m;
        var plain = Math.Abs(seconds).ToString("0.######", Invariant);
        var sign = seconds < 0 ? "-" : "";
        var dot = plain.IndexOf('.', StringComparison.Ordinal);
        var whole = dot < 0 ? plain : plain[..dot];
        var fraction = dot < 0 ? "" : plain[(dot + 1)..];
        if (Math.Abs(seconds) < 10_000_000m)
        {
            return sign + whole + "." + (fraction.Length > 0 ? fraction : "0");
        }

        var mantissa = (whole[1..] + fraction).TrimEnd('0');
        return $"{sign}{whole[0]}.{(mantissa.Length > 0 ? mantissa : "0")}E{whole.Length - 1}";
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
