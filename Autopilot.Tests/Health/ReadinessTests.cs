using Autopilot.Tests.Dashboards.Metabase;
using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Health;

/// <summary><c>GET /ready</c> keeps the seed's keys (bigquery, metabase with mock|live) beside the service's own checks.</summary>
[Collection(ProcessCollection.Name)]
public sealed class ReadinessTests
{
    [Fact]
    public async Task On_the_demo_warehouse_ready_reports_the_seeds_keys_as_mock_and_says_what_it_probed()
    {
        await using var server = new ServerProcess(TestEnvironment.NewHubName("ready"), SharedDemoWarehouse.Path);
        await server.StartAsync();
        using var http = server.CreateClient();

        var (status, ready) = await http.SendAsync(HttpMethod.Get, "ready", null, null);

        Assert.Equal(200, status);
        var checks = ready!["checks"]!;
        Assert.Equal(("mock", true), (checks["bigquery"]!["mode"]!.GetValue<string>(), checks["bigquery"]!["ok"]!.GetValue<bool>()));
        Assert.Equal(("mock", true), (checks["metabase"]!["mode"]!.GetValue<string>(), checks["metabase"]!["ok"]!.GetValue<bool>()));
        Assert.Contains("DuckDB", checks["bigquery"]!["probed"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(checks["metabase"]!["probed"]);
        Assert.True(ready["ok"]!.GetValue<bool>());
    }

    [Fact]
    public async Task With_a_live_Metabase_ready_probes_its_key_and_names_a_refusal()
    {
        await using var metabase = await FakeMetabaseServer.StartAsync();
        await using var server = new ServerProcess(TestEnvironment.NewHubName("readymb"), SharedDemoWarehouse.Path, new Dictionary<string, string>
        {
            ["METABASE_URL"] = metabase.BaseUri.ToString(),
            ["METABASE_API_KEY"] = FakeMetabaseServer.ApiKey,
        });
        await server.StartAsync();
        using var http = server.CreateClient();

        var (_, ready) = await http.SendAsync(HttpMethod.Get, "ready", null, null);
        var live = ready!["checks"]!["metabase"]!;
        Assert.Equal(("live", true), (live["mode"]!.GetValue<string>(), live["ok"]!.GetValue<bool>()));
        Assert.Contains(metabase.Requests, r => r.Path == "/api/user/current" && r.HadKey);

        metabase.Fail("GET", "/api/user/current", 401, body: "\"Unauthenticated\"");
        var (_, refused) = await http.SendAsync(HttpMethod.Get, "ready", null, null);
        var check = refused!["checks"]!["metabase"]!;
        Assert.False(check["ok"]!.GetValue<bool>());
        Assert.Contains("HTTP 401", check["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(FakeMetabaseServer.ApiKey, refused.ToJsonString(), StringComparison.Ordinal);
    }
}
