using Autopilot.Core.Memos;

namespace Autopilot.Tests.Memos;

/// <summary>The packet from measurements: top segments and their shares, data-quality notes, the series and a stable hash.</summary>
public sealed class MemoPacketTests
{
    private static readonly MemoWindows Windows = MemoWindows.For(new DateOnly(2026, 12, 7), "UTC");
    private static readonly DateTime GeneratedAt = new(2026, 12, 7, 8, 0, 0, DateTimeKind.Utc);

    private static MemoKpiSpec Spec(string name, int decimals = 0, string table = "shop.orders") =>
        new(name, $"{name} definition", decimals, table, $"SELECT {name}", $"SELECT daily {name}", [new MemoSegmentSpec("channel", "SELECT seg")]);

    private static List<MemoDay> FullSeries(double value, params DateOnly[] missing) =>
        Windows.AllDays().Where(d => !missing.Contains(d)).Select(d => new MemoDay(d, value, 10)).ToList();

    private static MemoPacket Packet(double current = 120, double previous = 100, IReadOnlyList<MemoSegmentValue>? segments = null, params DateOnly[] missing)
    {
        var spec = Spec("Orders");
        var measurement = new MemoKpiMeasurement(spec, current, previous, FullSeries(5, missing), "hash_orders", ["shop.orders"]);
        var segment = new MemoSegmentResult("Orders", "channel", segments ?? [new("ads", 60, 40), new("direct", 40, 45), new("email", 20, 15)], null, ["shop.orders"]);
        return MemoPacketBuilder.Build(Windows, GeneratedAt, new MemoPlan([spec], ["shop.orders table had 7-hour delay"]), [measurement], [segment]);
    }

    [Fact]
    public void Windows_are_seven_complete_local_days_each_ending_before_today()
    {
        var packet = Packet();

        Assert.Equal(new MemoSpan("2026-11-30", "2026-12-06"), packet.TimeWindow.Current);
        Assert.Equal(new MemoSpan("2026-11-23", "2026-11-29"), packet.TimeWindow.Previous);
        Assert.Equal("UTC", packet.TimeWindow.Timezone);
        Assert.Equal("2026-12-07T08:00:00.000000Z", packet.GeneratedAt);
    }

    [Fact]
    public void Top_segments_are_the_largest_changes_with_their_share_of_the_kpis_change()
    {
        var packet = Packet(segments: [new("ads", 60, 40), new("direct", 40, 45), new("email", 20, 15), new("referral", 0, 0), new("social", 11, 10)]);

        Assert.Equal(
            [("ads", 60.0, 40.0, 20.0, (double?)100.0), ("direct", 40.0, 45.0, -5.0, -25.0), ("email", 20.0, 15.0, 5.0, 25.0)],
            packet.TopSegments.Select(s => (s.Segment, s.Value, s.Previous, s.Delta, s.DeltaContributionPct)));
        Assert.All(packet.TopSegments, s => Assert.Equal(("Orders", "channel"), (s.MetricName, s.Dimension)));
    }

    [Fact]
    public void A_kpi_that_did_not_change_has_segments_without_a_share()
    {
        var packet = Packet(current: 100, previous: 100);

        Assert.All(packet.TopSegments, s => Assert.Null(s.DeltaContributionPct));
    }

    [Fact]
    public void Notes_name_catalog_delays_days_without_rows_and_a_window_with_none()
    {
        var inPrevious = Windows.PreviousStart.AddDays(2);
        var partial = Packet(missing: inPrevious);
        var emptyCurrent = Packet(missing: [.. Enumerable.Range(0, 7).Select(Windows.CurrentStart.AddDays)]);

        Assert.Equal(["shop.orders table had 7-hour delay", "shop.orders has no rows on 2026-11-25 (previous window (2026-11-23 to 2026-11-29))"], partial.AnomalyNotes);
        Assert.Equal("shop.orders has zero rows in the current window (2026-11-30 to 2026-12-06): Orders cannot be compared", emptyCurrent.AnomalyNotes[1]);
    }

    [Fact]
    public void The_series_covers_both_windows_with_zero_on_days_without_rows()
    {
        var spec = Spec("Orders");
        var missing = Windows.CurrentStart;
        var measurement = new MemoKpiMeasurement(spec, 1, 1, FullSeries(5, missing), "h", []);

        var series = MemoPacketBuilder.Series(Windows, [measurement])["Orders"];

        Assert.Equal(14, series.Count);
        Assert.Equal("2026-11-23", series[0].Date);
        Assert.Equal(0, series.Single(p => p.Date == "2026-11-30").Value);
        Assert.Equal(13, series.Count(p => p.Value == 5));
    }

    [Fact]
    public void Equal_packets_hash_equally_and_a_changed_number_hashes_differently()
    {
        var one = MemoPacketHash.Of(Packet());
        var same = MemoPacketHash.Of(Packet());
        var changed = MemoPacketHash.Of(Packet(current: 121));

        Assert.Equal(64, one.Length);
        Assert.Equal(one, same);
        Assert.NotEqual(one, changed);
    }

    [Fact]
    public void The_hashed_json_has_sorted_keys_at_every_level()
    {
        var json = MemoPacketHash.SortedJson(System.Text.Json.JsonSerializer.SerializeToNode(Packet(), Autopilot.Core.Engine.AutopilotJson.Options));

        Assert.StartsWith("{\"anomaly_notes\":", json, StringComparison.Ordinal);
        Assert.Contains("{\"current_value\":120,\"definition\":\"Orders definition\",\"delta_absolute\":20,\"delta_percent\":20,\"metric_name\":\"Orders\"", json, StringComparison.Ordinal);
    }
}
