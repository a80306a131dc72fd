using System.Globalization;
using System.Text.Json.Nodes;
using Autopilot.Core.Alerts;
using Autopilot.Core.Artifacts;
using Autopilot.Core.Memos;
using Autopilot.Core.Tenants;
using Autopilot.Core.Workflows;
using Autopilot.Tests.Agent.Planning;
using Autopilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Autopilot.Tests.Memos;

/// <summary>
/// The weekly memo on the real engine and the demo warehouse: profiles first, computes every KPI and segment through the
/// query path, and its numbers are the warehouse's — checked against the test's own DuckDB SQL — in UTC and in a tenant
/// timezone far from it. A second run is version 2 of the same artifact and raises no second alert per note.
/// </summary>
[Collection(SecondProcessCollection.Name)]
public sealed class WeeklyMemoTests : IAsyncLifetime
{
    private InProcessEngine _engine = null!;

    public async Task InitializeAsync() => _engine = await InProcessEngine.StartAsync("memo");

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task A_memo_states_the_warehouses_numbers_and_a_second_run_is_version_two_with_alerts_raised_once()
    {
        var tenant = "org_memo" + Guid.NewGuid().ToString("N")[..8];
        var today = SharedDemoWarehouse.Today;

        var (_, first) = await MemoRuns.RunAsync(_engine, tenant, today);

        Assert.Equal(WorkflowStatus.Success, first["status"]!.GetValue<string>());
        Assert.True(first["validation"]!["passed"]!.GetValue<bool>());
        var artifacts = _engine.Services.GetRequiredService<ArtifactStore>();
        var artifactId = first["artifact_id"]!.GetValue<string>();
        var stored = (await artifacts.VersionAsync(tenant, artifactId, 1, CancellationToken.None))!;
        var packet = stored.Data["packet"]!.AsObject();
        var kpis = packet["kpis"]!.AsArray().Select(k => k!.AsObject()).ToDictionary(k => k["metric_name"]!.GetValue<string>());
        Assert.Equal([MemoKpis.ActiveUsers, MemoKpis.Revenue, "Orders"], kpis.Keys);
        Assert.Equal(kpis.Values.Select(k => k["query_hash"]!.GetValue<string>()), stored.QueryHashes);
        Assert.Equal(stored.Data["packet_hash"]!.GetValue<string>(), Autopilot.Core.Storage.Ids.Sha256Hex(MemoPacketHash.SortedJson(packet)));

        using (var answers = new DemoAnswers(SharedDemoWarehouse.Path))
        {
            var windows = Windows("{today} - 7", "{today}", "{today} - 14", "{today} - 7");
            AssertKpi(answers, kpis[MemoKpis.ActiveUsers], "COUNT(DISTINCT user_id)", "analytics.events", "\"timestamp\"", windows, 0);
            AssertKpi(answers, kpis[MemoKpis.Revenue], "SUM(amount)", "analytics.orders", "created_at", windows, 2);
            AssertKpi(answers, kpis["Orders"], "COUNT(*)", "analytics.orders", "created_at", windows, 0);
            AssertSegments(answers, packet, kpis, windows);

            // The daily series next to the packet: distinct users per day, 0 on the outage day the demo data has.
            var series = stored.Data["series"]![MemoKpis.ActiveUsers]!.AsArray();
            var truth = answers.Run("SELECT 1",
                "SELECT CAST(\"timestamp\" AS DATE) AS day, COUNT(DISTINCT user_id) FROM analytics.events WHERE \"timestamp\" >= {today} - 14 AND \"timestamp\" < {today} GROUP BY 1").Expected;
            var byDay = truth.Rows.ToDictionary(r => (DateOnly)r[0]!, r => (double)r[1]!);
            Assert.Equal(14, series.Count);
            foreach (var point in series)
            {
                var day = DateOnly.ParseExact(point!["date"]!.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
                Assert.Equal(byDay.GetValueOrDefault(day), point["value"]!.GetValue<double>());
            }
        }

        var outage = Autopilot.Core.Warehouse.DemoWarehouse.MissingEventDay(today);
        var notes = packet["anomaly_notes"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        Assert.Contains($"analytics.events has no rows on {MemoWindows.Iso(outage)} (previous window ({MemoWindows.Iso(today.AddDays(-14))} to {MemoWindows.Iso(today.AddDays(-8))}))", notes);
        Assert.Equal(notes, stored.Data["memo"]!["data_quality_notes"]!.AsArray().Select(n => n!.GetValue<string>()));

        var (_, second) = await MemoRuns.RunAsync(_engine, tenant, today);
        Assert.True(second["status"]?.GetValue<string>() == WorkflowStatus.Success, second.ToJsonString());
        Assert.Equal(artifactId, second["artifact_id"]!.GetValue<string>());
        Assert.Equal(2, second["version"]!.GetValue<int>());
        Assert.Equal(2, (await artifacts.VersionsAsync(tenant, artifactId, CancellationToken.None)).Count);
        var alerts = (await _engine.Services.GetRequiredService<AlertStore>().ListAsync(tenant, null, CancellationToken.None))
            .Where(a => a.SourceType == "data_quality").ToList();
        Assert.Equal(notes.Order(StringComparer.Ordinal), alerts.Select(a => a.Message).Order(StringComparer.Ordinal));
        Assert.All(alerts, a => Assert.Equal(("P2", RaiseMemoAlertsActivity.Title, "memo"), (a.Severity, a.Title, a.SourceId)));
    }

    [Fact]
    public async Task A_tenant_in_los_angeles_gets_windows_bounded_by_its_own_midnights()
    {
        var tenant = "org_memola" + Guid.NewGuid().ToString("N")[..8];
        var today = SharedDemoWarehouse.Today;
        await _engine.Services.GetRequiredService<TenantSettingsStore>().SetAsync(tenant, MemoSchedule.SettingName,
            MemoSchedule.Default with { TimeZone = "America/Los_Angeles" }, CancellationToken.None);

        var (_, body) = await MemoRuns.RunAsync(_engine, tenant, today);

        Assert.Equal(WorkflowStatus.Success, body["status"]!.GetValue<string>());
        Assert.Equal("America/Los_Angeles", body["time_window"]!["timezone"]!.GetValue<string>());
        var stored = (await _engine.Services.GetRequiredService<ArtifactStore>().VersionAsync(tenant, body["artifact_id"]!.GetValue<string>(), 1, CancellationToken.None))!;
        var kpis = stored.Data["packet"]!["kpis"]!.AsArray().Select(k => k!.AsObject()).ToDictionary(k => k["metric_name"]!.GetValue<string>());
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
        string Midnight(int daysBack) => "TIMESTAMP '" + TimeZoneInfo.ConvertTimeToUtc(today.AddDays(-daysBack).ToDateTime(TimeOnly.MinValue), zone)
            .ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "'";
        var windows = Windows(Midnight(7), Midnight(0), Midnight(14), Midnight(7));
        using var answers = new DemoAnswers(SharedDemoWarehouse.Path);
        AssertKpi(answers, kpis[MemoKpis.ActiveUsers], "COUNT(DISTINCT user_id)", "analytics.events", "\"timestamp\"", windows, 0);
        AssertKpi(answers, kpis[MemoKpis.Revenue], "SUM(amount)", "analytics.orders", "created_at", windows, 2);
    }

    private static (string CurrentFrom, string CurrentTo, string PreviousFrom, string PreviousTo) Windows(string currentFrom, string currentTo, string previousFrom, string previousTo) =>
        (currentFrom, currentTo, previousFrom, previousTo);

    private static double Scalar(DemoAnswers answers, string sql) =>
        answers.Run("SELECT 1", sql).Expected.Rows[0][0] is { } value ? (double)value : 0;

    private static void AssertKpi(DemoAnswers answers, JsonObject kpi, string measure, string table, string time, (string CurrentFrom, string CurrentTo, string PreviousFrom, string PreviousTo) w, int decimals)
    {
        var current = Math.Round(Scalar(answers, $"SELECT {measure} FROM {table} WHERE {time} >= {w.CurrentFrom} AND {time} < {w.CurrentTo}"), decimals);
        var previous = Math.Round(Scalar(answers, $"SELECT {measure} FROM {table} WHERE {time} >= {w.PreviousFrom} AND {time} < {w.PreviousTo}"), decimals);
        var delta = Math.Round(current - previous, decimals);
        var percent = previous == 0 ? (current > 0 ? 100.0 : 0.0) : Math.Round(delta / previous * 100, 2);
        var significance = Math.Abs(percent) > 25 ? "major" : Math.Abs(percent) > 10 ? "notable" : "normal";
        Assert.True(current > 0 && previous > 0, $"the demo data has {table} rows in both windows ({current}, {previous})");
        Assert.Equal((current, previous, delta, percent, significance),
            (kpi["current_value"]!.GetValue<double>(), kpi["previous_value"]!.GetValue<double>(), kpi["delta_absolute"]!.GetValue<double>(),
                kpi["delta_percent"]!.GetValue<double>(), kpi["significance"]!.GetValue<string>()));
    }

    // Every segment of every KPI by the test's own SQL; the packet's top segments must be the three largest changes, with
    // shares of the KPI's change; over a dimension that partitions the rows (each user has one channel) shares sum to 100.
    private static void AssertSegments(DemoAnswers answers, JsonObject packet, Dictionary<string, JsonObject> kpis, (string CurrentFrom, string CurrentTo, string PreviousFrom, string PreviousTo) w)
    {
        var sources = new Dictionary<string, (string Measure, string Table, string Time, string[] Own, int Decimals)>
        {
            [MemoKpis.ActiveUsers] = ("COUNT(DISTINCT CASE WHEN {w} THEN t.user_id END)", "analytics.events", "t.\"timestamp\"", ["event_name"], 0),
            [MemoKpis.Revenue] = ("SUM(CASE WHEN {w} THEN t.amount END)", "analytics.orders", "t.created_at", ["status"], 2),
            ["Orders"] = ("COUNT(CASE WHEN {w} THEN 1 END)", "analytics.orders", "t.created_at", ["status"], 0),
        };
        var top = packet["top_segments"]!.AsArray().Select(s => s!.AsObject()).ToList();
        foreach (var (metric, source) in sources)
        {
            var all = new List<(string Dimension, string Segment, double Value, double Previous, double Delta)>();
            foreach (var dimension in source.Own.Concat(["channel", "country"]))
            {
                var column = source.Own.Contains(dimension) ? $"t.{dimension}" : $"u.{dimension}";
                var cur = source.Measure.Replace("{w}", $"{source.Time} >= {w.CurrentFrom}", StringComparison.Ordinal);
                var prev = source.Measure.Replace("{w}", $"{source.Time} < {w.CurrentFrom}", StringComparison.Ordinal);
                var rows = answers.Run("SELECT 1",
                    $"SELECT {column}, {cur}, {prev} FROM {source.Table} t LEFT JOIN analytics.users u ON u.user_id = t.user_id " +
                    $"WHERE {source.Time} >= {w.PreviousFrom} AND {source.Time} < {w.CurrentTo} GROUP BY 1").Expected.Rows;
                foreach (var row in rows)
                {
                    var value = Math.Round(row[1] is double v ? v : 0, source.Decimals);
                    var previous = Math.Round(row[2] is double p ? p : 0, source.Decimals);
                    all.Add((dimension, (string)row[0]!, value, previous, Math.Round(value - previous, source.Decimals)));
                }

                if (dimension == "channel")
                {
                    // Each user has one channel: the channels' changes add up to the KPI's change.
                    var sum = rows.Sum(r => (r[1] is double v ? v : 0) - (r[2] is double p ? p : 0));
                    Assert.InRange(Math.Abs(kpis[metric]["delta_absolute"]!.GetValue<double>() - sum), 0, 0.01);
                }
            }

            var expected = all.Where(s => s.Delta != 0).OrderByDescending(s => Math.Abs(s.Delta)).ThenBy(s => s.Dimension, StringComparer.Ordinal).ThenBy(s => s.Segment, StringComparer.Ordinal).Take(3).ToList();
            var kpiDelta = kpis[metric]["delta_absolute"]!.GetValue<double>();
            var actual = top.Where(s => s["metric_name"]!.GetValue<string>() == metric).ToList();
            Assert.Equal(expected.Select(e => (e.Dimension, e.Segment, e.Value, e.Previous, e.Delta, (double?)Math.Round(e.Delta / kpiDelta * 100, 2))),
                actual.Select(s => (s["dimension"]!.GetValue<string>(), s["segment"]!.GetValue<string>(), s["value"]!.GetValue<double>(), s["previous"]!.GetValue<double>(),
                    s["delta"]!.GetValue<double>(), s["delta_contribution_pct"]?.GetValue<double>())));
        }
    }
}
