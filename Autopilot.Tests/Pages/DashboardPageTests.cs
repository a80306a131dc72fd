using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Autopilot.Core.Pages;
using Autopilot.Tests.Agent.Planning;
using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Pages;

/// <summary>
/// <c>GET /dashboards/{artifact_id}</c> on a real server: the HTML (strict CSP, no inline script, everything escaped,
/// tenant-scoped 404s) and, in headless Chromium, the charts drawn from uPlot's own data with the point counts the test's
/// own DuckDB SQL gives for the window, the date filter, empty and refused cards, no console error, nothing off loopback.
/// </summary>
public sealed partial class DashboardPageTests(DashboardPagesServer server) : IClassFixture<DashboardPagesServer>
{
    [Fact]
    public async Task The_page_is_html_with_a_strict_csp_no_inline_script_and_only_the_apps_own_assets()
    {
        var (status, html, response) = await server.GetPageAsync($"dashboards/{server.ExecOverviewId}?org_id={server.Tenant}");

        Assert.Equal(200, status);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        var scripts = ScriptTag().Matches(html).Select(m => m.Value).ToList();
        Assert.NotEmpty(scripts);
        Assert.All(scripts, tag => Assert.True(tag.Contains("src=\"/assets/", StringComparison.Ordinal) || tag.Contains("type=\"application/json\"", StringComparison.Ordinal), tag));
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
        var assets = AssetUrl().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal([PageAssets.ChartStyles, PageAssets.Styles, PageAssets.ChartLibrary, PageAssets.Charts, PageAssets.DashboardScript], assets.Select(a => a.Split('?')[0]["/assets/".Length..]));
        foreach (var url in assets)
        {
            using var asset = await server.Http.GetAsync(url.TrimStart('/'));
            Assert.Equal(200, (int)asset.StatusCode);
            Assert.Contains("immutable", asset.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        }

        Assert.Contains("version <span id=\"artifact-version\">1</span>", html, StringComparison.Ordinal);
        // Each card's SQL, hash and its tables' freshness sit in a <details> the reader expands.
        var stored = (await server.Artifacts.VersionAsync(server.Tenant, server.ExecOverviewId, 1, CancellationToken.None))!;
        var events = (await server.Storage.Catalog.ListTablesAsync(server.Tenant, CancellationToken.None)).Single(t => t.Table == "events");
        Assert.Equal(stored.Data["cards"]!.AsArray().Count, Regex.Count(html, "<details class=\"source\">"));
        Assert.All(stored.Data["cards"]!.AsArray(), c => Assert.Contains(HtmlPage.Encode(c!["sql"]!.GetValue<string>()), html, StringComparison.Ordinal));
        Assert.Contains($"<dt>analytics.events</dt><dd>latest row {events.LatestAt!.Value.UtcDateTime:yyyy-MM-dd HH:mm} UTC", html, StringComparison.Ordinal);
        Assert.Contains(await server.Storage.Audit.ListAsync(server.Tenant, "dashboard_page_viewed", 50, CancellationToken.None),
            e => e.Payload["artifact_id"]!.GetValue<string>() == server.ExecOverviewId);
    }

    [Fact]
    public async Task Hostile_text_in_titles_values_reasons_and_sql_is_escaped_in_the_html()
    {
        var (status, html, _) = await server.GetPageAsync($"dashboards/{server.CraftedId}?org_id={server.Tenant}");

        Assert.Equal(200, status);
        Assert.DoesNotContain("<script>window.__pwned", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>bold</b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;window.__pwned=1&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;", html, StringComparison.Ordinal);
        // Only real script elements close a script: the data block's JSON cannot.
        Assert.Equal(ScriptTag().Count(html), Regex.Count(html, "</script>", RegexOptions.IgnoreCase));
        Assert.Contains(DashboardPage.NoData, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unknown")]
    [InlineData("other tenant")]
    [InlineData("memo artifact")]
    [InlineData("malformed id")]
    public async Task An_artifact_the_caller_may_not_see_or_that_is_no_dashboard_is_a_404_page(string which)
    {
        var other = "org_pagesother" + Guid.NewGuid().ToString("N")[..6];
        var (id, tenant) = which switch
        {
            "unknown" => ("art_000000000000", server.Tenant),
            "other tenant" => (server.ExecOverviewId, other),
            "memo artifact" => (server.MemoId, server.Tenant),
            _ => ("not-an-artifact-id", server.Tenant),
        };

        var (status, html, response) = await server.GetPageAsync($"dashboards/{id}?org_id={tenant}", tenant);

        Assert.Equal(404, status);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Dashboard not found", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Identity_and_scope_refusals_are_pages_too()
    {
        var (noIdentity, html, _) = await server.GetPageAsync($"dashboards/{server.ExecOverviewId}?org_id={server.Tenant}", role: null);
        var (foreign, _, _) = await server.GetPageAsync($"dashboards/{server.ExecOverviewId}?org_id={server.Tenant}", tenant: "org_someone_else");

        Assert.Equal(400, noIdentity);
        Assert.Contains("Missing X-User-Role header", html, StringComparison.Ordinal);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Equal(403, foreign);
    }

    [Fact]
    public async Task The_built_dashboard_draws_the_warehouses_points_for_the_window_and_the_filter_changes_them()
    {
        await using var tab = await server.OpenAsync($"dashboards/{server.ExecOverviewId}?org_id={server.Tenant}");
        var asOf = await tab.Page.EvaluateAsync<string>("() => JSON.parse(document.getElementById('page-data').textContent).as_of");

        var at14 = await PointsAsync(tab);
        await tab.ScreenshotAsync("dashboard-exec-overview-14-days");
        await tab.Page.SelectOptionAsync("#date-filter", "30");
        await tab.Page.WaitForSelectorAsync("body[data-rendered='30']", new() { State = Microsoft.Playwright.WaitForSelectorState.Attached });
        var at30 = await PointsAsync(tab);
        var window30 = await tab.Page.TextContentAsync("section.card[data-index='0'] .window");

        // Daily active users (card 0) and daily revenue (card 3) against the test's own SQL over the same days.
        Assert.Equal(DaysWithRows("analytics.events", "\"timestamp\"", asOf, 14), at14["card-0"]);
        Assert.Equal(DaysWithRows("analytics.orders", "created_at", asOf, 14), at14["card-3"]);
        Assert.Equal(DaysWithRows("analytics.events", "\"timestamp\"", asOf, 30), at30["card-0"]);
        Assert.Equal(DaysWithRows("analytics.orders", "created_at", asOf, 30), at30["card-3"]);
        Assert.True(at30["card-0"] > at14["card-0"], $"30 days drew {at30["card-0"]} points, 14 days {at14["card-0"]}");
        var start = DateOnly.ParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(-30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal($"Showing {start} to {DateOnly.ParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(-1):yyyy-MM-dd} (30 days)", window30);
        Assert.Equal(2, await tab.Page.Locator("p.scalar").CountAsync()); // weekly and monthly active users as numbers
        await tab.ScreenshotAsync("dashboard-exec-overview-30-days");
        Assert.Empty(tab.ConsoleErrors);
        Assert.Empty(tab.OffLoopback);
    }

    [Fact]
    public async Task Hostile_text_renders_as_text_and_empty_refused_and_out_of_window_cards_say_so()
    {
        await using var tab = await server.OpenAsync($"dashboards/{server.CraftedId}?org_id={server.Tenant}");

        await tab.ScreenshotAsync("dashboard-crafted-14-days");
        Assert.Equal(DashboardPagesServer.HostileTitle, await tab.Page.TextContentAsync("section.card[data-index='0'] h2"));
        Assert.Equal(DashboardPagesServer.HostileValue, await tab.Page.TextContentAsync("section.card[data-index='0'] p.scalar"));
        Assert.Equal("Not shown: " + DashboardPagesServer.RefusalReason, await tab.Page.TextContentAsync("section.card[data-index='2'] .refused"));
        Assert.True(await tab.Page.EvaluateAsync<bool>("() => window.__pwned === undefined && document.querySelectorAll('b, img, i').length === 0"));
        Assert.Equal(DashboardPage.NoData, await tab.Page.TextContentAsync("section.card[data-index='1'] .card-body"));
        Assert.Equal(DashboardPage.NoData, await tab.Page.TextContentAsync("section.card[data-index='3'] .card-body"));
        var points = await PointsAsync(tab);
        Assert.Equal(3, points["card-4"]); // the bar card's three labels
        Assert.Equal(2, await tab.Page.Locator("section.card[data-index='5'] table.rows tbody tr").CountAsync());

        await tab.Page.SelectOptionAsync("#date-filter", "90");
        await tab.Page.WaitForSelectorAsync("body[data-rendered='90']", new() { State = Microsoft.Playwright.WaitForSelectorState.Attached });
        Assert.Equal(DashboardPagesServer.OldSeriesPoints, (await PointsAsync(tab))["card-3"]);
        await tab.ScreenshotAsync("dashboard-crafted-90-days");
        Assert.Empty(tab.ConsoleErrors);
        Assert.Empty(tab.OffLoopback);
    }

    /// <summary>Points per chart, counted in uPlot's own data arrays (non-null values of the drawn series).</summary>
    private static async Task<Dictionary<string, int>> PointsAsync(BrowserTab tab)
    {
        var json = await tab.Page.EvaluateAsync<string>(
            "() => JSON.stringify(Object.fromEntries(Object.entries(window.autopilotCharts).map(([k, u]) => [k, u.data[1].filter(v => v !== null && v !== undefined).length])))");
        return JsonNode.Parse(json)!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<int>());
    }

    /// <summary>Days in [asOf − days, asOf) on which the table has rows: the points a daily series of it has in that window.</summary>
    private static int DaysWithRows(string table, string timeColumn, string asOf, int days)
    {
        using var answers = new DemoAnswers(SharedDemoWarehouse.Path);
        var result = answers.Read(
            $"SELECT COUNT(DISTINCT CAST({timeColumn} AS DATE)) FROM {table} WHERE {timeColumn} >= DATE '{asOf}' - INTERVAL {days} DAY AND {timeColumn} < DATE '{asOf}'");
        return Convert.ToInt32(result.Rows[0][0], CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("<script[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    [GeneratedRegex("(?:src|href)=\"(/assets/[^\"]+)\"")]
    private static partial Regex AssetUrl();
}
