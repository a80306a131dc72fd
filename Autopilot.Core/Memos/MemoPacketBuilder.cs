using System.Globalization;

namespace Autopilot.Core.Memos;

/// <summary>
/// Builds the packet from what the warehouse answered: KPIs with MEMO-5/6 deltas, the top segments behind each KPI's
/// change, and the data-quality notes (MEMO-2's catalog notes, days without rows in either window, a KPI window without
/// rows, splits the query path refused). Pure, so the orchestrator can run it.
/// </summary>
public static class MemoPacketBuilder
{
    /// <summary>Segments kept per KPI: those whose change was largest.</summary>
    public const int TopSegmentsPerKpi = 3;

    public static MemoPacket Build(MemoWindows windows, DateTime generatedAtUtc, MemoPlan plan, IReadOnlyList<MemoKpiMeasurement> measurements, IReadOnlyList<MemoSegmentResult> segments)
    {
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(measurements);
        ArgumentNullException.ThrowIfNull(segments);
        var kpis = measurements
            .Select(m => MemoSignificance.Kpi(m.Kpi.MetricName, m.Kpi.Definition, m.Kpi.Decimals, m.Current, m.Previous, m.QueryHash))
            .ToList();
        var top = measurements.Zip(kpis).SelectMany(pair => TopSegments(pair.First, pair.Second, segments)).ToList();
        var window = new MemoPacketWindow(
            new MemoSpan(MemoWindows.Iso(windows.CurrentStart), MemoWindows.Iso(windows.CurrentEnd)),
            new MemoSpan(MemoWindows.Iso(windows.PreviousStart), MemoWindows.Iso(windows.PreviousEnd)),
            windows.TimeZone);
        var generatedAt = DateTime.SpecifyKind(generatedAtUtc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
        return new MemoPacket(generatedAt, window, kpis, top, [.. plan.CatalogNotes, .. Notes(windows, measurements, segments)]);
    }

    /// <summary>Each KPI's daily series over both windows, keyed by metric name; a day without rows is 0.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<MemoSeriesPoint>> Series(MemoWindows windows, IReadOnlyList<MemoKpiMeasurement> measurements)
    {
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(measurements);
        return measurements.ToDictionary(
            m => m.Kpi.MetricName,
            m =>
            {
                var byDay = m.Series.ToDictionary(d => d.Date);
                return (IReadOnlyList<MemoSeriesPoint>)windows.AllDays()
                    .Select(day => new MemoSeriesPoint(MemoWindows.Iso(day), byDay.TryGetValue(day, out var d) ? Math.Round(d.Value, m.Kpi.Decimals) : 0))
                    .ToList();
            },
            StringComparer.Ordinal);
    }

    private static IEnumerable<MemoSegment> TopSegments(MemoKpiMeasurement measurement, MemoKpi kpi, IReadOnlyList<MemoSegmentResult> segments)
    {
        var decimals = measurement.Kpi.Decimals;
        return segments
            .Where(s => s.MetricName == kpi.MetricName)
            .SelectMany(s => s.Values.Select(v =>
            {
                var value = Math.Round(v.Current, decimals);
                var previous = Math.Round(v.Previous, decimals);
                var delta = Math.Round(value - previous, decimals);
                double? share = kpi.DeltaAbsolute == 0 ? null : Math.Round(delta / kpi.DeltaAbsolute * 100, 2);
                return new MemoSegment(kpi.MetricName, s.Dimension, v.Segment, value, previous, delta, share);
            }))
            .Where(s => s.Delta != 0)
            .OrderByDescending(s => Math.Abs(s.Delta))
            .ThenBy(s => s.Dimension, StringComparer.Ordinal)
            .ThenBy(s => s.Segment, StringComparer.Ordinal)
            .Take(TopSegmentsPerKpi);
    }

    private static IEnumerable<string> Notes(MemoWindows windows, IReadOnlyList<MemoKpiMeasurement> measurements, IReadOnlyList<MemoSegmentResult> segments)
    {
        var current = $"current window ({MemoWindows.Iso(windows.CurrentStart)} to {MemoWindows.Iso(windows.CurrentEnd)})";
        var previous = $"previous window ({MemoWindows.Iso(windows.PreviousStart)} to {MemoWindows.Iso(windows.PreviousEnd)})";
        foreach (var table in measurements.GroupBy(m => m.Kpi.Table, StringComparer.OrdinalIgnoreCase))
        {
            var withRows = table.SelectMany(m => m.Series).Where(d => d.RowCount > 0).Select(d => d.Date).ToHashSet();
            var missing = windows.AllDays().Where(d => !withRows.Contains(d)).ToList();
            foreach (var (days, name) in new[] { (missing.Where(windows.IsCurrent).ToList(), current), (missing.Where(d => !windows.IsCurrent(d)).ToList(), previous) })
            {
                if (days.Count is > 0 and < MemoWindows.Days)
                {
                    yield return $"{table.Key} has no rows on {string.Join(", ", days.Select(MemoWindows.Iso))} ({name})";
                }
                else if (days.Count == MemoWindows.Days)
                {
                    yield return $"{table.Key} has zero rows in the {name}: {string.Join(" and ", table.Select(m => m.Kpi.MetricName))} cannot be compared";
                }
            }
        }

        foreach (var refused in segments.Where(s => s.Refusal is not null))
        {
            yield return $"Segments of {refused.MetricName} by {refused.Dimension} were not computed: {refused.Refusal}";
        }
    }
}
