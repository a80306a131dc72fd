using System.Text.Json;
using System.Text.Json.Nodes;
using Autopilot.Core.Artifacts;

namespace Autopilot.Core.Memos;

/// <summary>
/// MEMO-20, exactly: the two highest versions' packet KPIs compared by metric name (sorted); a metric one version lacks
/// has a null value there and a null change. Deterministic, and blind to the artifact's type, as the seed is.
/// </summary>
public static class MemoWeekOverWeek
{
    public const string TooFewVersions = "Need at least 2 versions";

    public static IReadOnlyList<MemoWowRow> Rows(ArtifactVersion older, ArtifactVersion newer)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        var before = CurrentValues(older.Data);
        var after = CurrentValues(newer.Data);
        return before.Keys.Union(after.Keys, StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(metric =>
            {
                double? previous = before.TryGetValue(metric, out var p) ? p : null;
                double? current = after.TryGetValue(metric, out var c) ? c : null;
                return new MemoWowRow(metric, previous, current, previous is { } x && current is { } y ? y - x : null);
            })
            .ToList();
    }

    // Metric name → current_value of the packet's KPIs (the first of a repeated name); nothing when there is no packet.
    private static Dictionary<string, double?> CurrentValues(JsonObject data)
    {
        var values = new Dictionary<string, double?>(StringComparer.Ordinal);
        if (data["packet"]?["kpis"] is not JsonArray kpis)
        {
            return values;
        }

        foreach (var kpi in kpis.OfType<JsonObject>())
        {
            if (kpi["metric_name"] is JsonValue name && name.GetValueKind() == JsonValueKind.String)
            {
                values.TryAdd(name.GetValue<string>(),
                    kpi["current_value"] is JsonValue value && value.GetValueKind() == JsonValueKind.Number ? value.GetValue<double>() : null);
            }
        }

        return values;
    }
}
