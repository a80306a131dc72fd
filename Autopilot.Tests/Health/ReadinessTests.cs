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
}
