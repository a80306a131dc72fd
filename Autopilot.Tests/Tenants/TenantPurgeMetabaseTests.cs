using System.Text.Json.Nodes;
using Autopilot.Core.Dashboards;
using Autopilot.Tests.Dashboards.Metabase;
using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Tenants;

/// <summary>
/// A purge also removes what the app published to the tenant's Metabase (the fake, over loopback, behind a real server):
/// the cards it made are deleted and the tenant's collection is archived with its dashboards; another tenant's collection
/// is untouched, and the purge answer says what was removed.
/// </summary>
[Collection(SecondProcessCollection.Name)]
public sealed class TenantPurgeMetabaseTests : IAsyncLifetime
{
    private FakeMetabaseServer _metabase = null!;
    private ServerProcess _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _metabase = await FakeMetabaseServer.StartAsync();
        _server = new ServerProcess(TestEnvironment.NewHubName("pgmb"), SharedDemoWarehouse.Path, new Dictionary<string, string>
        {
            ["METABASE_URL"] = _metabase.BaseUri.ToString(),
            ["METABASE_API_KEY"] = FakeMetabaseServer.ApiKey,
        });
        await _server.StartAsync();
        _http = _server.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
        await _metabase.DisposeAsync();
    }

    [Fact]
    public async Task Purging_a_tenant_deletes_its_metabase_cards_and_archives_its_collection_and_leaves_other_tenants_alone()
    {
        var tenant = "org_pgmb_" + Guid.NewGuid().ToString("N")[..8];
        var other = "org_pgmo_" + Guid.NewGuid().ToString("N")[..8];
        await BuildAsync(tenant);
        await BuildAsync(other);
        var collection = CollectionId(tenant);
        var otherCollection = CollectionId(other);
        var published = CardsIn(collection);
        Assert.NotEmpty(published);

        var (status, purged) = await _http.SendAsync(HttpMethod.Post, $"api/v1/tenants/purge?org_id={tenant}&wait_seconds=300", tenant, "admin", TenantPurgeTests.Body(tenant, "true"));

        Assert.Equal(200, status);
        Assert.Equal("purged", purged!["status"]!.GetValue<string>());
        Assert.Equal((published.Count, 1), (purged["metabase"]!["cards_deleted"]!.GetValue<int>(), purged["metabase"]!["collections_archived"]!.GetValue<int>()));
        Assert.Null(purged["metabase"]!["error"]);
        Assert.Empty(CardsIn(collection));
        Assert.True(_metabase.Collections.Single(c => c["id"]!.GetValue<int>() == collection)["archived"]!.GetValue<bool>());
        Assert.NotEmpty(CardsIn(otherCollection));
        Assert.False(_metabase.Collections.Single(c => c["id"]!.GetValue<int>() == otherCollection)["archived"]!.GetValue<bool>());
    }

    private int CollectionId(string tenant) =>
        _metabase.Collections.Single(c => c["name"]!.GetValue<string>() == MetabaseMarkers.Collection(tenant))["id"]!.GetValue<int>();

    private List<JsonObject> CardsIn(int collection) =>
        _metabase.Cards.Where(c => c["collection_id"]!.GetValue<int>() == collection).ToList();

    private async Task BuildAsync(string tenant)
    {
        var (status, body) = await _http.SendAsync(HttpMethod.Post, $"api/v1/workflows/dashboard?org_id={tenant}&wait_seconds=300", tenant, "member");
        if (status == 202)
        {
            await _http.WaitForRunAsync(tenant, body!["workflow_id"]!.GetValue<string>(), TimeSpan.FromMinutes(3));
            return;
        }

        Assert.True(status == 200, body?.ToJsonString());
    }
}
