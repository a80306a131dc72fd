using System.Globalization;
using System.Text.Json.Nodes;
using Autopilot.Core.Artifacts;
using Autopilot.Core.Pages;

namespace Autopilot.Tests.Pages;

/// <summary>
/// <c>GET /memos/{artifact_id}</c> on a real server, for memo artifacts in MEMO-14's shape plus the daily <c>series</c>,
/// published through the store (the memo workflow is built elsewhere): tiles with the packet's numbers, one sparkline per
/// KPI with the series' point count (counted in uPlot's data), causes with their evidence type, the fallback banner and
/// the validation warnings; escaped text, no console error, nothing off loopback.
/// </summary>
public sealed class MemoPageTests(PagesServer server) : IClassFixture<PagesServer>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task The_memo_page_shows_each_kpi_tile_with_a_sparkline_of_its_series_and_the_narrative()
    {
        var tenant = server.Tenant;
        var id = await PublishAsync(tenant, "memo-ok", Memo(fallback: false, dauDays: 14, revenueDays: 13, warnings: []));

        var (status, html, response) = await server.GetPageAsync($"memos/{id}?org_id={tenant}", tenant);
        await using var tab = await server.OpenAsync($"memos/{id}?org_id={tenant}");
        await tab.ScreenshotAsync("memo-weekly");

        Assert.Equal(200, status);
        Assert.Contains("default-src 'self'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"fallback\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"validation\"", html, StringComparison.Ordinal);
        Assert.Equal(["DAU", "Revenue", "Orders"], await tab.Page.Locator(".tile h3").AllTextContentsAsync());
        Assert.Equal(["1250", "98765.43", "300"], await tab.Page.Locator(".tile .current").AllTextContentsAsync());
        Assert.Equal(["+25 %", "-1.5 %", "0 %"], await tab.Page.Locator(".tile .delta").AllTextContentsAsync());
        Assert.Equal(["notable", "normal", "normal"], await tab.Page.Locator(".tile .significance").AllTextContentsAsync());
        var points = JsonNode.Parse(await tab.Page.EvaluateAsync<string>(
            "() => JSON.stringify(Object.fromEntries(Object.entries(window.autopilotCharts).map(([k, u]) => [k, u.data[1].length])))"))!.AsObject();
        Assert.Equal(14, points["kpi-0"]!.GetValue<int>());
        Assert.Equal(13, points["kpi-1"]!.GetValue<int>());
        Assert.Null(points["kpi-2"]); // Orders has no series: the tile says so instead of drawing nothing
        Assert.Equal("No daily series", await tab.Page.TextContentAsync(".sparkline[data-index='2']"));
        Assert.Equal("14", await tab.Page.GetAttributeAsync(".sparkline[data-index='0']", "data-points"));
        Assert.Equal("DAU changed 25% week over week.", await tab.Page.TextContentAsync("#headline"));
        Assert.Equal("data supported", await tab.Page.TextContentAsync("#likely-causes .evidence"));
        Assert.Equal(["analytics.config table had 720-hour delay"], await tab.Page.Locator("#data-quality li").AllTextContentsAsync());
        Assert.Equal(["Review top acquisition channels for sustained growth drivers."], await tab.Page.Locator("#actions li").AllTextContentsAsync());
        Assert.Empty(tab.ConsoleErrors);
        Assert.Empty(tab.OffLoopback);
    }

    [Fact]
    public async Task A_fallback_memo_shows_its_banner_and_validation_warnings_and_escapes_their_text()
    {
        var tenant = "org_memofb" + Guid.NewGuid().ToString("N")[..6];
        const string Hostile = "Unknown metric '<script>window.__pwned=1</script>' not in packet";
        var id = await PublishAsync(tenant, "memo-fallback", Memo(fallback: true, dauDays: 14, revenueDays: 14, warnings: [Hostile]));

        var (status, html, _) = await server.GetPageAsync($"memos/{id}?org_id={tenant}", tenant);

        Assert.Equal(200, status);
        Assert.Contains(MemoPage.FallbackBanner, html, StringComparison.Ordinal);
        Assert.Contains("Warning: Unknown metric &#x27;&lt;script&gt;window.__pwned=1&lt;/script&gt;&#x27; not in packet", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>window.__pwned", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dashboard_unknown_or_other_tenants_id_is_a_404_page_on_the_memo_route()
    {
        var tenant = "org_memo404" + Guid.NewGuid().ToString("N")[..6];
        var memo = await PublishAsync(tenant, "memo-own", Memo(false, 7, 7, []));
        var dashboard = (await server.Artifacts.PublishAsync(tenant, new ArtifactDraft(ArtifactTypes.Dashboard, "exec_overview", "dash-1", new JsonObject { ["cards"] = new JsonArray() }, [], []), CancellationToken.None)).ArtifactId;

        var (dashboardStatus, html, _) = await server.GetPageAsync($"memos/{dashboard}?org_id={tenant}", tenant);
        var (foreignStatus, _, _) = await server.GetPageAsync($"memos/{memo}?org_id={server.Tenant}", server.Tenant);
        var (unknownStatus, _, _) = await server.GetPageAsync($"memos/art_000000000000?org_id={tenant}", tenant);

        Assert.Equal((404, 404, 404), (dashboardStatus, foreignStatus, unknownStatus));
        Assert.Contains("Memo not found", html, StringComparison.Ordinal);
    }

    private async Task<string> PublishAsync(string tenant, string build, JsonObject data) =>
        (await server.Artifacts.PublishAsync(tenant, new ArtifactDraft(ArtifactTypes.Memo, "weekly", build, data, ["q_dau", "q_revenue"], ["analytics.events"]), CancellationToken.None)).ArtifactId;

    /// <summary>MEMO-14's data with MEMO-11's deterministic narrative, plus daily series of the given lengths (Orders: none).</summary>
    private static JsonObject Memo(bool fallback, int dauDays, int revenueDays, string[] warnings)
    {
        JsonObject Kpi(string name, double current, double previous, double pct, string significance, string hash) => new()
        {
            ["metric_name"] = name, ["current_value"] = current, ["previous_value"] = previous, ["delta_absolute"] = current - previous,
            ["delta_percent"] = pct, ["significance"] = significance, ["query_hash"] = hash,
        };
        JsonArray Series(int days, double start) => [.. Enumerable.Range(1, days).Select(i => (JsonNode)new JsonObject
        {
            ["date"] = Today.AddDays(-i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["value"] = start + i,
        })];
        var kpis = new JsonArray(Kpi("DAU", 1250, 1000, 25, "notable", "q_dau"), Kpi("Revenue", 98765.43, 100269.47, -1.5, "normal", "q_revenue"), Kpi("Orders", 300, 300, 0, "normal", "q_orders"));
        var memo = new JsonObject
        {
            ["headline_summary"] = new JsonArray("DAU changed 25% week over week."),
            ["key_changes"] = new JsonArray(new JsonObject
            {
                ["metric_name"] = "DAU", ["current"] = 1250, ["previous"] = 1000, ["delta_pct"] = 25, ["delta_absolute"] = 250,
                ["interpretation"] = "DAU moved by 25% compared to the previous period.", ["confidence"] = "medium", ["supporting_query_hashes"] = new JsonArray("q_dau"),
            }),
            ["likely_causes"] = new JsonArray(new JsonObject
            {
                ["hypothesis"] = "DAU movement likely reflects recent demand and engagement shifts.", ["supporting_evidence"] = "DAU delta 25%", ["evidence_type"] = "data_supported",
            }),
            ["recommended_actions"] = new JsonArray("Review top acquisition channels for sustained growth drivers."),
            ["data_quality_notes"] = new JsonArray("analytics.config table had 720-hour delay"),
        };
        if (fallback)
        {
            memo["fallback"] = true;
        }

        return new JsonObject
        {
            ["packet"] = new JsonObject
            {
                ["generated_at"] = "2026-12-07T08:00:00Z",
                ["time_window"] = new JsonObject
                {
                    ["current"] = new JsonObject { ["start"] = "2026-11-30", ["end"] = "2026-12-06" },
                    ["previous"] = new JsonObject { ["start"] = "2026-11-23", ["end"] = "2026-11-29" },
                    ["timezone"] = "UTC",
                },
                ["kpis"] = kpis, ["top_segments"] = new JsonArray(), ["anomaly_notes"] = new JsonArray("analytics.config table had 720-hour delay"),
            },
            ["memo"] = memo,
            ["packet_hash"] = new string('a', 64),
            ["validation"] = new JsonObject { ["passed"] = !fallback, ["warnings"] = new JsonArray([.. warnings.Select(w => (JsonNode)w)]), ["errors"] = new JsonArray() },
            ["series"] = new JsonObject { ["DAU"] = Series(dauDays, 1000), ["Revenue"] = Series(revenueDays, 14000) },
        };
    }
}
