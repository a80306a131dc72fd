using System.Text.Json.Nodes;
using Autopilot.Tests.Infrastructure;
using Autopilot.Tests.Workflows;

namespace Autopilot.Tests.WebConsole;

/// <summary>
/// The one real server of the console and API-description tests (server start-ups are the suite's slowest part): the
/// fault-injection workflow enabled, one tenant with an alert and a finished run, and one headless Chromium.
/// </summary>
public sealed class ConsoleServer : IAsyncLifetime
{
    public string Tenant { get; } = "org_console" + Guid.NewGuid().ToString("N")[..8];

    public ServerProcess Server { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public Infrastructure.Browser Browser { get; private set; } = null!;

    /// <summary>Text the API hands back that a page must show as text, never run.</summary>
    public const string HostileTitle = "<img src=x onerror=window.__pwned=1> & <b>bold</b>";

    /// <summary>A finished fault-test run of <see cref="Tenant"/>.</summary>
    public string FinishedRunId { get; private set; } = null!;

    public string AlertId { get; private set; } = null!;

    public string DeadLetterId { get; private set; } = null!;

    public string DashboardId { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = new ServerProcess(TestEnvironment.NewHubName("console"), SharedDemoWarehouse.Path, new Dictionary<string, string>(WorkflowServerFixture.Settings));
        await Server.StartAsync();
        Http = Server.CreateClient();
        var (raised, alert) = await Http.SendAsync(HttpMethod.Post, "api/v1/alerts", Tenant, "member",
            new JsonObject { ["org_id"] = Tenant, ["dedupe_key"] = "seed", ["title"] = HostileTitle, ["message"] = "<script>window.__pwned=2</script>", ["severity"] = "P2" }.ToJsonString());
        Assert.Equal(200, raised);
        AlertId = alert!["alert_id"]!.GetValue<string>();
        var (started, run) = await Http.SendAsync(HttpMethod.Post, $"api/v1/workflows/fault-test?org_id={Tenant}&wait_seconds=60", Tenant, "member", """{"steps":1,"step_delay_ms":0}""");
        Assert.True(started is 200 or 202, $"fault-test answered {started}");
        FinishedRunId = run!["workflow_id"]!.GetValue<string>();
        await Http.WaitForRunAsync(Tenant, FinishedRunId, TimeSpan.FromSeconds(60));
        DeadLetterId = await DeadLetterAsync();

        // A profile (the PII review's columns) and a dashboard (the artifacts' links), through the API.
        var (profiled, _) = await Http.SendAsync(HttpMethod.Post, $"api/v1/workflows/profile?org_id={Tenant}&wait_seconds=120", Tenant, "member");
        Assert.Equal(200, profiled);
        DashboardId = (await Dashboards.DashboardRuns.BuildOverHttpAsync(Http, Tenant))["artifact_id"]!.GetValue<string>();
        Browser = await Infrastructure.Browser.LaunchAsync();
    }

    /// <summary>A fault-test run that fails its three attempts (the seed's retry budget) and so lands in the dead letters.</summary>
    private async Task<string> DeadLetterAsync()
    {
        var (_, first) = await FaultTests.StartAsync(Http, Tenant, FaultTests.Body(2, 10, FaultTests.Fault("step_2", "permission_denied", 3)));
        var retry = $"api/v1/workflows/retry?org_id={Tenant}&workflow_type=fault_test&workflow_id={first!["workflow_id"]!.GetValue<string>()}";
        await Http.SendAsync(HttpMethod.Post, retry, Tenant, "member");
        var (_, third) = await Http.SendAsync(HttpMethod.Post, retry, Tenant, "member");
        Assert.Equal("dead_letter", third!["workflow_status"]!.GetValue<string>());
        return third["dead_letter_id"]!.GetValue<string>();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        Http?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}
