using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Queries;

/// <summary>The cost gate's order on the one path (hard cap → hourly budget → approval) and preview expiry, with tiny limits.</summary>
public sealed class QueryLimitTests : IAsyncLifetime
{
    private ServerProcess _server = null!;
    private HttpClient _http = null!;

    /// <summary>What reading two columns of analytics.orders is estimated at (the demo's logical bytes per column × 2).</summary>
    private long _twoOrderColumns;

    public async Task InitializeAsync()
    {
        var schema = await new Autopilot.Core.Warehouse.DuckDbWarehouse(SharedDemoWarehouse.Path, TimeProvider.System).IntrospectAsync(CancellationToken.None);
        var orders = schema.Tables.Single(t => t.Name == "orders");
        _twoOrderColumns = orders.Bytes / orders.Columns.Count * 2;
        _server = new ServerProcess(TestEnvironment.NewHubName("qlim"), SharedDemoWarehouse.Path, new Dictionary<string, string>
        {
            // Two columns of orders need approval; three fit under the hard cap; the hour's budget holds one such query, not two.
            ["PER_QUERY_MAX_BYTES"] = (_twoOrderColumns / 2).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PER_QUERY_MAX_BYTES_WITH_APPROVAL"] = (_twoOrderColumns * 2).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ORG_HOURLY_BUDGET_BYTES"] = (_twoOrderColumns * 3 / 2).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PREVIEW_TTL_SECONDS"] = "3",
            ["REDIS_URL"] = TestEnvironment.RedisEndpoint,
        });
        await _server.StartAsync();
        _http = _server.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Small_queries_run_big_ones_need_approval_huge_ones_are_blocked_and_the_budget_stops_the_rest()
    {
        var tenant = "org_lim_" + Guid.NewGuid().ToString("N")[..8];
        var (_, small) = await Preview(tenant, "SELECT key FROM analytics.config");
        var (_, big) = await Preview(tenant, "SELECT COUNT(DISTINCT user_id) AS u FROM analytics.orders WHERE created_at > TIMESTAMP '2000-01-01'");
        var (_, huge) = await Preview(tenant, "SELECT * FROM analytics.orders WHERE created_at > TIMESTAMP '2000-01-01'");

        Assert.Equal("ready", small!["status"]!.GetValue<string>());
        Assert.Equal("approval_required", big!["status"]!.GetValue<string>());
        Assert.True(big["requires_approval"]!.GetValue<bool>());
        Assert.Equal("blocked", huge!["status"]!.GetValue<string>());
        Assert.Contains("Query exceeds hard max bytes with approval", huge["reasons"]!.AsArray().Select(r => r!.GetValue<string>()));

        // Approving the big one spends most of the hour's budget; the next big one no longer fits.
        var (runStatus, run) = await _http.SendAsync(HttpMethod.Post, "api/v1/queries/approve-run", tenant, "member", QueryRouteTests.Run(tenant, big["preview_id"]!.GetValue<string>()));
        Assert.Equal(200, runStatus);
        Assert.Equal("executed", run!["status"]!.GetValue<string>());
        Assert.Equal(_twoOrderColumns, run["actual_bytes"]!.GetValue<long>());

        var (_, after) = await Preview(tenant, "SELECT COUNT(DISTINCT user_id) AS u2 FROM analytics.orders WHERE created_at > TIMESTAMP '2001-01-01'");
        var budget = _twoOrderColumns * 3 / 2;
        Assert.Equal("blocked", after!["status"]!.GetValue<string>());
        Assert.Contains("Hourly budget exceeded", after["reasons"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(budget, after["budget"]!.GetValue<long>());
        Assert.Equal(budget - _twoOrderColumns, after["bytes_remaining"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_preview_expires()
    {
        var tenant = "org_exp_" + Guid.NewGuid().ToString("N")[..8];
        var (_, preview) = await Preview(tenant, "SELECT 1 AS one");
        await Task.Delay(TimeSpan.FromSeconds(3.5));

        var (status, body) = await _http.SendAsync(HttpMethod.Post, "api/v1/queries/approve-run", tenant, "member", QueryRouteTests.Run(tenant, preview!["preview_id"]!.GetValue<string>()));

        Assert.Equal(409, status);
        Assert.Equal("preview expired; preview the query again", body!["detail"]!.GetValue<string>());
    }

    private Task<(int Status, System.Text.Json.Nodes.JsonNode? Body)> Preview(string tenant, string sql) =>
        _http.SendAsync(HttpMethod.Post, "api/v1/queries/preview", tenant, "member", QueryRouteTests.Body(tenant, sql));
}
