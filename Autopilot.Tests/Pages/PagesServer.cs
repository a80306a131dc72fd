using Autopilot.Core.Artifacts;
using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Pages;

/// <summary>A server process on the demo warehouse, Core's stores over the same Azurite, and one headless Chromium.</summary>
public class PagesServer : IAsyncLifetime
{
    private readonly ServerFixture _server = new();

    public string Tenant { get; } = "org_pages" + Guid.NewGuid().ToString("N")[..8];

    public HttpClient Http => _server.Http;

    public Uri BaseAddress => _server.Server.BaseAddress;

    public StorageFactory Storage { get; private set; } = null!;

    public ArtifactStore Artifacts { get; private set; } = null!;

    public Infrastructure.Browser Browser { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        await _server.InitializeAsync();
        Storage = new StorageFactory(_server.Server.TaskHub);
        Artifacts = new ArtifactStore(Storage.Tables, TimeProvider.System);
        Browser = await Infrastructure.Browser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        await _server.DisposeAsync();
    }

    /// <summary>A page of this tenant as a viewer would load it, with its raw HTML and headers.</summary>
    public async Task<(int Status, string Html, HttpResponseMessage Response)> GetPageAsync(string path, string? tenant = null, string? role = "viewer")
    {
        using var request = ApiCalls.Request(HttpMethod.Get, path, tenant ?? Tenant, role);
        var response = await Http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    /// <summary>Opens <paramref name="path"/> in a fresh browser context and waits until the page script has drawn it.</summary>
    public async Task<BrowserTab> OpenAsync(string path)
    {
        var tab = await Browser.OpenAsync(Tenant, "viewer");
        var response = await tab.Page.GotoAsync(new Uri(BaseAddress, path).ToString());
        Assert.Equal(200, response!.Status);
        await tab.Page.WaitForSelectorAsync("body[data-rendered]", new() { State = Microsoft.Playwright.WaitForSelectorState.Attached, Timeout = 60_000 });
        return tab;
    }
}
