using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Autopilot.Tests.Infrastructure;

/// <summary>
/// Headless Debian Chromium driven by Playwright (recipes.md "Browser tests"): Playwright never downloads a browser, it
/// launches /usr/bin/chromium (scripts/lib.sh installs it; AUTOPILOT_CHROMIUM overrides). One per test class.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    private readonly IPlaywright _playwright;

    private Browser(IPlaywright playwright, IBrowser chromium)
    {
        _playwright = playwright;
        Chromium = chromium;
    }

    public IBrowser Chromium { get; }

    /// <summary>Where screenshots go: TestResults/screenshots at the repository root, which CI keeps with the test results.</summary>
    public static string ScreenshotDirectory { get; } = Directory.CreateDirectory(Path.Combine(TestEnvironment.RepoRoot, "TestResults", "screenshots")).FullName;

    public static async Task<Browser> LaunchAsync()
    {
        var executable = Environment.GetEnvironmentVariable("AUTOPILOT_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"{executable} not found: run the tests with ./scripts/test.sh, which installs Debian's chromium (ap_ensure_chromium).");
        }

        var playwright = await Playwright.CreateAsync();
        var chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return new Browser(playwright, chromium);
    }

    /// <summary>
    /// A fresh context that sends the caller's identity headers, fails (and records) any request that leaves 127.0.0.1, and
    /// records console errors and uncaught page errors.
    /// </summary>
    /// <remarks>A null tenant opens a context that sends no identity headers of its own (the console sends them itself).</remarks>
    public async Task<BrowserTab> OpenAsync(string? tenant, string? role)
    {
        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
            ExtraHTTPHeaders = tenant is null ? null : new Dictionary<string, string> { ["X-Tenant-Id"] = tenant, ["X-User-Role"] = role ?? "viewer" },
        });
        // A loaded 2-core CI machine runs the whole suite beside the browser: give each wait a minute, not Playwright's 30 s.
        context.SetDefaultTimeout(60_000);
        var tab = new BrowserTab(context, await context.NewPageAsync());
        await context.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            if (url.Host == "127.0.0.1")
            {
                await route.ContinueAsync();
                return;
            }

            tab.OffLoopback.Add(route.Request.Url);
            await route.AbortAsync();
        });
        tab.Page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                tab.ConsoleErrors.Add(message.Text);
            }
        };
        tab.Page.PageError += (_, error) => tab.ConsoleErrors.Add("uncaught: " + error);
        tab.Page.Dialog += (_, dialog) => tab.ConsoleErrors.Add("dialog opened: " + dialog.Message);
        return tab;
    }

    public async ValueTask DisposeAsync()
    {
        await Chromium.DisposeAsync();
        _playwright.Dispose();
    }
}

/// <summary>One page in its own browser context, with what it logged and what it tried to reach.</summary>
public sealed class BrowserTab(IBrowserContext context, IPage page) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    public ConcurrentBag<string> ConsoleErrors { get; } = [];

    public ConcurrentBag<string> OffLoopback { get; } = [];

    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.ScreenshotDirectory, name + ".png"), FullPage = true });

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}
