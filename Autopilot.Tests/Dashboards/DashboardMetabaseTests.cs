using System.Text.Json.Nodes;
using Autopilot.Core.Artifacts;
using Autopilot.Core.Dashboards;
using Autopilot.Core.Workflows;
using Autopilot.Tests.Dashboards.Metabase;
using Autopilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Autopilot.Tests.Dashboards;

/// <summary>
/// Dashboard builds publishing to a Metabase (the fake, over loopback): objects in the tenant's collection naming their
/// database, the layout and date filter on each dashboard, no duplicates across builds, and no orphan cards when a
/// build fails after creating some (the saga's compensation).
/// </summary>
[Collection(SecondProcessCollection.Name)]
public sealed class DashboardMetabaseTests : IAsyncLifetime
{
    private FakeMetabaseServer _metabase = null!;
    private InProcessEngine _engine = null!;

    public async Task InitializeAsync()
    {
        _metabase = await FakeMetabaseServer.StartAsync();
        _engine = await InProcessEngine.StartAsync("dashmb", new Dictionary<string, string?>
        {
            ["METABASE_URL"] = _metabase.BaseUri.ToString(),
            ["METABASE_API_KEY"] = FakeMetabaseServer.ApiKey,
        });
    }

    public async Task DisposeAsync()
    {
        await _engine.DisposeAsync();
        await _metabase.DisposeAsync();
    }

    private Task<(string WorkflowId, JsonObject Body)> BuildAsync(string tenant) => DashboardRuns.BuildAsync(_engine, tenant);

    [Fact]
    public async Task Builds_publish_each_dashboard_in_the_tenants_collection_and_a_rebuild_replaces_cards_without_duplicates()
    {
        var tenant = "org_dashmb" + Guid.NewGuid().ToString("N")[..8];

        var (firstRun, first) = await BuildAsync(tenant);

        Assert.Equal(WorkflowStatus.Success, first["status"]!.GetValue<string>());
        var collection = Assert.Single(_metabase.Collections, c => c["name"]!.GetValue<string>() == MetabaseMarkers.Collection(tenant));
        var collectionId = collection["id"]!.GetValue<int>();
        var cards = _metabase.Cards.Where(c => c["collection_id"]!.GetValue<int>() == collectionId).ToList();
        Assert.Equal(11, cards.Count);
        Assert.All(cards, c => Assert.Equal(FakeMetabaseServer.BigQueryDatabaseId, c["dataset_query"]!["database"]!.GetValue<int>()));
        Assert.All(cards, c => Assert.StartsWith(MetabaseMarkers.BuildPrefix(firstRun), c["description"]!.GetValue<string>(), StringComparison.Ordinal));

        var ids = first["dashboards"]!.AsArray().Select(d => int.Parse(d!["metabase_dashboard_id"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var exec = _metabase.Dashboard(ids[0])!;
        Assert.Equal("Exec Overview", exec["name"]!.GetValue<string>());
        Assert.Equal([(0, 0, 18, 8), (8, 0, 9, 4), (8, 9, 9, 4), (12, 0, 18, 8)],
            exec["dashcards"]!.AsArray().Select(d => (d!["row"]!.GetValue<int>(), d["col"]!.GetValue<int>(), d["size_x"]!.GetValue<int>(), d["size_y"]!.GetValue<int>())));
        Assert.Equal("past14days", exec["parameters"]![0]!["default"]!.GetValue<string>());
        var artifact = await _engine.Services.GetRequiredService<ArtifactStore>().VersionAsync(tenant, first["artifact_id"]!.GetValue<string>(), 1, CancellationToken.None);
        Assert.Equal(ids[0].ToString(System.Globalization.CultureInfo.InvariantCulture), artifact!.Data["metabase_dashboard_id"]!.GetValue<string>());

        var (secondRun, second) = await BuildAsync(tenant);

        Assert.Equal(ids, second["dashboards"]!.AsArray().Select(d => int.Parse(d!["metabase_dashboard_id"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)));
        var after = _metabase.Cards.Where(c => c["collection_id"]!.GetValue<int>() == collectionId).ToList();
        Assert.Equal(11, after.Count);
        Assert.All(after, c => Assert.StartsWith(MetabaseMarkers.BuildPrefix(secondRun), c["description"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.Single(_metabase.Collections, c => c["name"]!.GetValue<string>() == MetabaseMarkers.Collection(tenant));
        var onDashboards = ids.SelectMany(id => _metabase.Dashboard(id)!["dashcards"]!.AsArray().Select(d => d!["card_id"]!.GetValue<int>())).ToHashSet();
        Assert.Equal(after.Select(c => c["id"]!.GetValue<int>()).ToHashSet(), onDashboards);
    }

    [Fact]
    public async Task A_build_that_fails_after_creating_cards_deletes_them_and_reports_the_publish_step()
    {
        var tenant = "org_dashsaga" + Guid.NewGuid().ToString("N")[..8];
        _metabase.Fail("PUT", "/api/dashboard/", 400, body: """{"message":"Invalid dashcards"}""");

        var (_, body) = await BuildAsync(tenant);

        Assert.Equal(WorkflowStatus.PartialFailure, body["workflow_status"]!.GetValue<string>());
        Assert.Equal(DashboardSteps.PublishMetabase, body["failed_step"]!["step"]!.GetValue<string>());
        Assert.Contains("Invalid dashcards", body["failed_step"]!["error"]!.GetValue<string>(), StringComparison.Ordinal);
        var collection = Assert.Single(_metabase.Collections, c => c["name"]!.GetValue<string>() == MetabaseMarkers.Collection(tenant));
        Assert.True(_metabase.Requests.Count(r => r.Method == "POST" && r.Path == "/api/card") >= 4, "cards were created before the failure");
        Assert.DoesNotContain(_metabase.Cards, c => c["collection_id"]!.GetValue<int>() == collection["id"]!.GetValue<int>());
        Assert.Empty(await _engine.Services.GetRequiredService<ArtifactStore>().ListAsync(tenant, null, CancellationToken.None));
    }
}
