using System.Text.Json;
using System.Text.Json.Nodes;

namespace Autopilot.Core.Memos;

/// <summary>
/// Checks a memo against its packet, in the seed's order: unknown metrics (MEMO-15, error), numbers that are not exactly
/// the packet's (MEMO-16, error; absent fields are not checked), significant KPIs left out (MEMO-17, one warning), and
/// cause evidence (MEMO-18: an unknown evidence_type is an error; a data_supported cause citing no KPI or segment is
/// rewritten in place to speculative, with a warning).
/// </summary>
public static class MemoValidator
{
    public const string DataSupported = "data_supported";
    public const string Speculative = "speculative";
    public const string NoSupportingData = "no supporting data";
    public const string DowngradeWarning = "Downgraded unsupported data_supported cause to speculative";

    private static readonly (string Field, string Label, Func<MemoKpi, double> Expected)[] Numbers =
    [
        ("current", "Current value", k => k.CurrentValue),
        ("previous", "Previous value", k => k.PreviousValue),
        ("delta_pct", "Delta percent", k => k.DeltaPercent),
        ("delta_absolute", "Delta absolute", k => k.DeltaAbsolute),
    ];

    /// <summary>Validates <paramref name="memo"/>, rewriting unsupported causes in it (MEMO-18).</summary>
    public static MemoValidation Validate(MemoPacket packet, JsonObject memo)
    {
        ArgumentNullException.ThrowIfNull(packet);
        ArgumentNullException.ThrowIfNull(memo);
        var errors = new List<string>();
        var warnings = new List<string>();
        var kpis = packet.Kpis.GroupBy(k => k.MetricName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var changes = Objects(memo["key_changes"]).ToList();

        // MEMO-15
        foreach (var change in changes)
        {
            if (Text(change["metric_name"]) is { Length: > 0 } name && !kpis.ContainsKey(name))
            {
                errors.Add($"Unknown metric '{name}' not in packet");
            }
        }

        // MEMO-16
        foreach (var change in changes)
        {
            if (Text(change["metric_name"]) is not { } name || !kpis.TryGetValue(name, out var kpi))
            {
                continue;
            }

            foreach (var (field, label, expected) in Numbers)
            {
                if (!change.TryGetPropertyValue(field, out var got))
                {
                    continue;
                }

                var want = expected(kpi);
                if (Number(got) is not { } value || value != want)
                {
                    errors.Add($"{label} mismatch for {name}: got {Shown(got)}, expected {MemoNumbers.Text(want)}");
                }
            }
        }

        // MEMO-17
        var covered = changes.Select(c => Text(c["metric_name"])).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var missing = packet.Kpis.Where(k => MemoSignificance.IsSignificant(k.Significance) && !covered.Contains(k.MetricName))
            .Select(k => k.MetricName).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            warnings.Add($"Missing notable metrics in memo: [{string.Join(", ", missing.Select(m => $"'{m}'"))}]");
        }

        // MEMO-18
        var citable = packet.Kpis.Select(k => k.MetricName)
            .Concat(packet.TopSegments.Select(s => s.Segment))
            .Where(n => n.Length > 0)
            .Select(n => n.ToLowerInvariant())
            .ToList();
        foreach (var cause in Objects(memo["likely_causes"]))
        {
            var type = Text(cause["evidence_type"]);
            if (type is not (DataSupported or Speculative))
            {
                errors.Add($"Invalid evidence_type: {type ?? Shown(cause["evidence_type"])}");
                continue;
            }

            var evidence = (Text(cause["supporting_evidence"]) ?? string.Empty).ToLowerInvariant();
            if (type == DataSupported && !citable.Any(n => evidence.Contains(n, StringComparison.Ordinal)))
            {
                cause["evidence_type"] = Speculative;
                cause["supporting_evidence"] = NoSupportingData;
                warnings.Add(DowngradeWarning);
            }
        }

        return new MemoValidation(errors.Count == 0, warnings, errors);
    }

    private static IEnumerable<JsonObject> Objects(JsonNode? list) => list is JsonArray array ? array.OfType<JsonObject>() : [];

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static double? Number(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number ? value.GetValue<double>() : null;

    private static string Shown(JsonNode? node) => Number(node) is { } number ? MemoNumbers.Text(number) : node?.ToJsonString() ?? "None";
}
