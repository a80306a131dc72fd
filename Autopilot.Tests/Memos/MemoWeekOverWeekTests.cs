using System.Text.Json;
using System.Text.Json.Nodes;
using Autopilot.Core.Artifacts;
using Autopilot.Core.Engine;
using Autopilot.Core.Memos;

namespace Autopilot.Tests.Memos;

/// <summary>MEMO-20: two versions' KPIs compared by sorted metric name, nulls where a version lacks a metric.</summary>
public sealed class MemoWeekOverWeekTests
{
    private static ArtifactVersion Version(int version, params MemoKpi[] kpis) => new("art_x", version,
        new JsonObject { ["packet"] = JsonSerializer.SerializeToNode(MemoPackets.With(kpis), AutopilotJson.Options) }, [], [], "b", DateTimeOffset.UnixEpoch);

    [Fact]
    public void Rows_compare_the_current_values_of_both_versions_by_sorted_metric_name()
    {
        var older = Version(3, MemoSignificance.Kpi("Revenue", "d", 2, 1000.5, 900, "h"), MemoSignificance.Kpi("Active users", "d", 0, 120, 100, "h"), MemoSignificance.Kpi("Churn", "d", 0, 4, 4, "h"));
        var newer = Version(4, MemoSignificance.Kpi("Revenue", "d", 2, 1500.25, 1000.5, "h"), MemoSignificance.Kpi("Active users", "d", 0, 90, 120, "h"), MemoSignificance.Kpi("Orders", "d", 0, 7, 0, "h"));

        var rows = MemoWeekOverWeek.Rows(older, newer);

        Assert.Equal(
            [
                new MemoWowRow("Active users", 120, 90, -30),
                new MemoWowRow("Churn", 4, null, null),
                new MemoWowRow("Orders", null, 7, null),
                new MemoWowRow("Revenue", 1000.5, 1500.25, 499.75),
            ],
            rows);
    }

    [Fact]
    public void Versions_without_a_packet_have_no_rows()
    {
        var dashboard = new ArtifactVersion("art_d", 1, new JsonObject { ["cards"] = new JsonArray() }, [], [], "b", DateTimeOffset.UnixEpoch);

        Assert.Empty(MemoWeekOverWeek.Rows(dashboard, dashboard with { Version = 2 }));
    }
}
