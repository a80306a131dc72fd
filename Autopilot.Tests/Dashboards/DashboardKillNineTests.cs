using System.Diagnostics;
using Autopilot.Core.Artifacts;
using Autopilot.Core.Dashboards;
using Autopilot.Tests.Dashboards.Metabase;
using Autopilot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Autopilot.Tests.Dashboards;

/// <summary>
/// Durability of a dashboard build: the server is killed with SIGKILL while it is publishing to Metabase (a request in
/// flight); a restarted server finishes the build with nothing duplicated — Metabase cards and dashboards, artifact
/// versions, audit rows.
/// </summary>
[Collection(SecondProcessCollection.Name)]
public sealed class DashboardKillNineTests
{
    private readonly ITestOutputHelper _output;

    public DashboardKillNineTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task A_build_killed_mid_publish_finishes_after_restart_without_duplicate_cards_dashboards_versions_or_audit_rows()
    {
        await using var metabase = await FakeMetabaseServer.StartAsync();
        var environment = new Dictionary<string, string>
        {
            ["METABASE_URL"] = metabase.BaseUri.ToString(),
            ["METABASE_API_KEY"] = FakeMetabaseServer.ApiKey,
        };
        var hub = TestEnvironment.NewHubName("dashkill");
        var tenant = "org_dashkill_" + Guid.NewGuid().ToString("N")[..8];
        // The first dashboard's layout update hangs: its cards and the dashboard exist when the server dies.
        metabase.Fail("PUT", "/api/dashboard/", 0, times: 1, delay: TimeSpan.FromMinutes(5));
        string workflowId;

        await using (var first = new ServerProcess(hub, SharedDemoWarehouse.Path, environment))
        {
            await first.StartAsync();
            using var http = first.CreateClient();
            var (status, started) = await http.SendAsync(HttpMethod.Post, $"api/v1/workflows/dashboard?org_id={tenant}&wait_seconds=0", tenant, "member");
            Assert.Equal(202, status);
            workflowId = started!["workflow_id"]!.GetValue<string>();

            await Poll.UntilAsync(() => metabase.Requests.Any(r => r.Method == "PUT"), TimeSpan.FromMinutes(3), "the layout update never reached Metabase");
            first.Kill();
        }

        var cardsBeforeRestart = metabase.Requests.Count(r => r.Method == "POST" && r.Path == "/api/card");
        Assert.True(cardsBeforeRestart >= 1, "cards were created before the kill");

        var restart = Stopwatch.StartNew();
        await using var second = new ServerProcess(hub, SharedDemoWarehouse.Path, environment);
        await second.StartAsync();
        using var client = second.CreateClient();
        var done = await client.WaitForRunAsync(tenant, workflowId, TimeSpan.FromMinutes(3));
        _output.WriteLine($"dashboard build finished {restart.Elapsed.TotalSeconds:F1} s after the restart began; {cardsBeforeRestart} cards were created before the kill");

        Assert.Equal("success", done["status"]!.GetValue<string>());
        var collection = Assert.Single(metabase.Collections, c => c["name"]!.GetValue<string>() == MetabaseMarkers.Collection(tenant));
        var cards = metabase.Cards.Where(c => c["collection_id"]!.GetValue<int>() == collection["id"]!.GetValue<int>()).ToList();
        Assert.Equal(cards.Count, cards.Select(c => c["name"]!.GetValue<string>()).Distinct().Count());

        var store = new StorageFactory(hub);
        var artifacts = await store.Artifacts.ListAsync(tenant, ArtifactTypes.Dashboard, CancellationToken.None);
        Assert.NotEmpty(artifacts);
        Assert.All(artifacts, a => Assert.Equal(1, a.Version));
        Assert.Equal(artifacts.Count, metabase.Requests.Count(r => r.Method == "POST" && r.Path == "/api/dashboard"));

        // Every card in the collection sits on a dashboard: nothing orphaned by the killed attempt.
        var dashboardIds = new List<int>();
        foreach (var artifact in artifacts)
        {
            var version = await store.Artifacts.VersionAsync(tenant, artifact.ArtifactId, 1, CancellationToken.None);
            dashboardIds.Add(int.Parse(version!.Data["metabase_dashboard_id"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        }

        var onDashboards = dashboardIds.SelectMany(id => metabase.Dashboard(id)!["dashcards"]!.AsArray().Select(d => d!["card_id"]!.GetValue<int>())).ToHashSet();
        Assert.Equal(cards.Select(c => c["id"]!.GetValue<int>()).ToHashSet(), onDashboards);

        // One completion row for the build (the profile it started first has its own).
        var audit = await store.Audit.ListAsync(tenant, "workflow_run", 100, CancellationToken.None);
        Assert.Single(audit, e => e.Payload["workflow_id"]?.GetValue<string>() == workflowId);
    }
}
