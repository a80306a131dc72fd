using Autopilot.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Autopilot.Tests.WebConsole;

/// <summary>
/// The console in headless Chromium on the real server: each view's main action, done the way a person would (the
/// identity typed into the page, which then sends it itself — the browser context adds no headers). Every test also
/// checks that nothing was logged as an error and that no request left loopback; screenshots go to TestResults/screenshots.
/// </summary>
public sealed partial class ConsoleServerTests
{
    private static readonly string[] FinalStatuses = ["success", "partial_failure"];

    [Fact]
    public async Task Workflows_view_starts_a_profile_and_shows_its_progress_reach_done_without_a_reload()
    {
        await using var tab = await OpenConsoleAsync("workflows");
        var loads = 0;
        tab.Page.Load += (_, _) => loads++;
        var started = await tab.Page.RunAndWaitForResponseAsync(() => tab.Page.ClickAsync("button.start-profile"), r => r.Url.Contains("/api/v1/workflows/profile", StringComparison.Ordinal));
        Assert.Equal(202, started.Status);
        var workflowId = (await started.JsonAsync())?.GetProperty("workflow_id").GetString();
        Assert.False(string.IsNullOrEmpty(workflowId));
        await tab.Page.WaitForSelectorAsync($"#runs tr.done[data-workflow-id=\"{workflowId}\"]", new() { Timeout = 120_000 });
        var shown = await tab.Page.Locator($"#runs tr[data-workflow-id=\"{workflowId}\"] .run-status").TextContentAsync();
        await tab.ScreenshotAsync("console-workflows");

        var (_, status) = await fixture.Http.SendAsync(HttpMethod.Get, $"api/v1/workflows/{workflowId}/status?org_id={fixture.Tenant}", fixture.Tenant, "member");
        Assert.Equal(status!["status"]!.GetValue<string>(), shown);
        Assert.Contains(shown, FinalStatuses);
        Assert.Equal(0, loads);
        AssertClean(tab);
    }

    [Fact]
    public async Task Dead_letters_view_requeues_a_dead_letter()
    {
        await using var tab = await OpenConsoleAsync("dead-letters");
        var row = $"tr[data-dead-letter-id=\"{fixture.DeadLetterId}\"]";
        await tab.Page.ClickAsync($"{row} button.requeue");
        await tab.Page.WaitForSelectorAsync($"{row}:not([data-status=\"dead_letter\"])", new() { Timeout = 30_000 });
        await tab.ScreenshotAsync("console-dead-letters");

        var (_, letters) = await fixture.Http.SendAsync(HttpMethod.Get, $"api/v1/workflows/dead-letters?org_id={fixture.Tenant}", fixture.Tenant, "member");
        var letter = letters!["items"]!.AsArray().Single(l => l!["dead_letter_id"]!.GetValue<string>() == fixture.DeadLetterId)!;
        Assert.NotEqual("dead_letter", letter["status"]!.GetValue<string>());
        Assert.NotNull(letter["requeued_at"]?.GetValue<string>());
        AssertClean(tab);
    }

    [Fact]
    public async Task Alerts_view_acknowledges_then_resolves_an_alert_and_shows_hostile_text_as_text()
    {
        await using var tab = await OpenConsoleAsync("alerts");
        var row = $"tr[data-alert-id=\"{fixture.AlertId}\"]";
        Assert.Equal(ConsoleServer.HostileTitle, await tab.Page.Locator($"{row} td").Nth(2).TextContentAsync());
        Assert.Equal(0, await tab.Page.Locator("#view img, #view b, #view script").CountAsync());
        await tab.Page.ClickAsync($"{row} button.ack");
        await tab.Page.WaitForSelectorAsync($"{row}[data-status=\"acknowledged\"]");
        await tab.ScreenshotAsync("console-alerts");
        await tab.Page.ClickAsync($"{row} button.resolve");
        await tab.Page.WaitForSelectorAsync($"{row}[data-status=\"resolved\"]");

        var (_, alerts) = await fixture.Http.SendAsync(HttpMethod.Get, $"api/v1/alerts?org_id={fixture.Tenant}", fixture.Tenant, "member");
        var alert = alerts!["items"]!.AsArray().Single(a => a!["alert_id"]!.GetValue<string>() == fixture.AlertId)!;
        Assert.Equal("resolved", alert["status"]!.GetValue<string>());
        Assert.Equal("console-user", alert["acknowledged_by"]!.GetValue<string>());
        Assert.Equal("undefined", await tab.Page.EvaluateAsync<string>("() => typeof window.__pwned"));
        AssertClean(tab);
    }

    [Fact]
    public async Task Pii_view_confirms_the_reviewers_decisions()
    {
        await using var tab = await OpenConsoleAsync("pii");
        var choices = await tab.Page.Locator("input.pii-choice").CountAsync();
        Assert.True(choices > 0, "the profiled demo warehouse has PII columns to review");
        await tab.Page.ClickAsync("button.confirm-pii");
        var confirmed = await tab.Page.WaitForSelectorAsync("p.confirmed");
        await tab.ScreenshotAsync("console-pii");

        Assert.Matches("^Confirmed: [0-9]+ columns updated$", await confirmed!.TextContentAsync());
        var (_, review) = await fixture.Http.SendAsync(HttpMethod.Get, $"api/v1/pii/review?org_id={fixture.Tenant}", fixture.Tenant, "member");
        Assert.Empty(review!["needs_review_low_confidence"]!.AsArray());
        Assert.Equal(choices, review["reviewed"]!.AsArray().Count);
        AssertClean(tab);
    }

    [Fact]
    public async Task Query_view_previews_then_approves_and_shows_the_rows()
    {
        await using var tab = await OpenConsoleAsync("query");
        await tab.Page.FillAsync("#sql", "SELECT status, COUNT(*) AS n FROM analytics.orders GROUP BY status ORDER BY status");
        await tab.Page.ClickAsync("button.preview");
        await tab.Page.ClickAsync("button.approve-run", new() { Timeout = 30_000 });
        await tab.Page.WaitForSelectorAsync("#query-rows tbody tr", new() { Timeout = 60_000 });
        await tab.ScreenshotAsync("console-query");

        var headers = await tab.Page.Locator("#query-rows thead th").AllTextContentsAsync();
        Assert.Equal(["status", "n"], headers);
        Assert.True(await tab.Page.Locator("#query-rows tbody tr").CountAsync() > 0);
        AssertClean(tab);
    }

    [Fact]
    public async Task Artifacts_view_lists_the_dashboard_and_its_link_opens_the_page_with_the_callers_identity()
    {
        await using var tab = await OpenConsoleAsync("artifacts");
        var link = tab.Page.Locator($"tr:has(td:text-is(\"{fixture.DashboardId}\")) a.open-artifact");
        Assert.Equal($"/dashboards/{fixture.DashboardId}", await link.GetAttributeAsync("href"));
        var popup = await tab.Page.RunAndWaitForPopupAsync(() => link.ClickAsync());
        var errors = new List<string>();
        popup.Console += (_, message) => { if (message.Type == "error") { errors.Add(message.Text); } };
        await popup.WaitForSelectorAsync("body[data-rendered]", new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        await popup.ScreenshotAsync(new() { Path = Path.Combine(Infrastructure.Browser.ScreenshotDirectory, "console-artifact-dashboard.png"), FullPage = true });
        await tab.ScreenshotAsync("console-artifacts");

        Assert.DoesNotContain("Bad request", await popup.TitleAsync(), StringComparison.Ordinal);
        Assert.True(await popup.Locator(".card").CountAsync() > 0, "the dashboard page drew its cards");
        Assert.Empty(errors);
        AssertClean(tab);
    }

    [Fact]
    public async Task Ctrl_K_focuses_the_ask_box_and_the_seed_pages_open_on_their_views()
    {
        await using var tab = await OpenConsoleAsync("workflows");
        await tab.Page.Keyboard.PressAsync("Control+KeyK");
        Assert.Equal("ask-box", await tab.Page.EvaluateAsync<string>("() => document.activeElement.id"));
        foreach (var (path, view) in new[] { ("chat", "chat"), ("tester", "tester"), ("tester-app", "tester") })
        {
            var response = await tab.Page.GotoAsync(new Uri(fixture.Server.BaseAddress, path).ToString());
            Assert.Equal(200, response!.Status);
            Assert.Contains("default-src 'self'", response.Headers["content-security-policy"], StringComparison.Ordinal);
            await tab.Page.WaitForSelectorAsync($"body[data-rendered=\"{view}\"]", new() { State = WaitForSelectorState.Attached });
        }

        await tab.ScreenshotAsync("console-tester");
        AssertClean(tab);
    }

    /// <summary>Opens <c>/app</c> with no identity, types it in as a person would, and goes to <paramref name="view"/>.</summary>
    private async Task<BrowserTab> OpenConsoleAsync(string view)
    {
        var tab = await fixture.Browser.OpenAsync(null, null);
        var response = await tab.Page.GotoAsync(new Uri(fixture.Server.BaseAddress, "app").ToString());
        Assert.Equal(200, response!.Status);
        Assert.Contains("default-src 'self'", response.Headers["content-security-policy"], StringComparison.Ordinal);
        await tab.Page.FillAsync("#id-org", fixture.Tenant);
        await tab.Page.FillAsync("#id-user", "console-user");
        await tab.Page.SelectOptionAsync("#id-role", "admin");
        await tab.Page.ClickAsync("#identity button[type=submit]");
        await tab.Page.EvaluateAsync("view => { location.hash = view; }", view);
        await tab.Page.WaitForSelectorAsync($"body[data-rendered=\"{view}\"]", new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        return tab;
    }

    private static void AssertClean(BrowserTab tab)
    {
        Assert.Empty(tab.ConsoleErrors);
        Assert.Empty(tab.OffLoopback);
    }
}
