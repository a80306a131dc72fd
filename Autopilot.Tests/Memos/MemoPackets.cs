using Autopilot.Core.Memos;

namespace Autopilot.Tests.Memos;

/// <summary>Packets for writer and validation tests, built the way the workflow builds them (MemoSignificance.Kpi).</summary>
internal static class MemoPackets
{
    public static MemoPacket With(IReadOnlyList<MemoKpi> kpis, IReadOnlyList<MemoSegment>? segments = null, IReadOnlyList<string>? notes = null) =>
        new("2026-12-07T08:00:00.000000Z",
            new MemoPacketWindow(new MemoSpan("2026-11-30", "2026-12-06"), new MemoSpan("2026-11-23", "2026-11-29"), "UTC"),
            kpis, segments ?? [], notes ?? []);

    /// <summary>Active users flat (normal), revenue up 25.5 % (major), orders up 12 % (notable); a paid_social segment; one note.</summary>
    public static MemoPacket Shop() => With(
        [
            MemoSignificance.Kpi("Active users", "distinct users", 0, 12450, 12450, "h_users"),
            MemoSignificance.Kpi("Revenue", "sum of amount", 2, 125500.5, 100000, "h_revenue"),
            MemoSignificance.Kpi("Orders", "rows of orders", 0, 1120, 1000, "h_orders"),
        ],
        [new MemoSegment("Revenue", "channel", "paid_social", 40000, 30000, 10000, 39.02)],
        ["analytics.events has no rows on 2026-11-25 (previous window (2026-11-23 to 2026-11-29))"]);

    /// <summary>
    /// Every combination the deterministic writer must handle: no KPIs; one to three KPIs whose (current, previous) pairs
    /// cover each significance band, zero and negative deltas, a previous value of 0, and fractional money.
    /// </summary>
    public static IEnumerable<MemoPacket> All()
    {
        (double Current, double Previous)[] pairs = [(100, 100), (0, 0), (5, 0), (0, 5), (105, 100), (89, 100), (111, 100), (130, 100), (60, 100), (1234.56, 987.65), (-3, -5)];
        yield return With([]);
        yield return With([], notes: ["x.y has zero rows"]);
        foreach (var (current, previous) in pairs)
        {
            foreach (var decimals in new[] { 0, 2 })
            {
                foreach (var (other, otherPrevious) in pairs)
                {
                    yield return With(
                        [MemoSignificance.Kpi("Lead", "d", decimals, current, previous, "h1"), MemoSignificance.Kpi("Second", "d", 2, other, otherPrevious, "h2")],
                        [new MemoSegment("Lead", "channel", "email", current, previous, current - previous, null)],
                        ["t has no rows on 2026-11-25"]);
                }
            }
        }
    }
}
