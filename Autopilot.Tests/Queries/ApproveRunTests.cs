using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Queries;

/// <summary>
/// Approve-run as a durable query run on the server (issue 8 §5.2): executed once however often it is called, the stored
/// result returned after, and a result bigger than the stored-size limit stored truncated (a deliberate size check).
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class ApproveRunTests : IAsyncLifetime
{
    private const int StoredLimit = 4096;
    private ServerProcess _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _server = new ServerProcess(TestEnvironment.NewHubName("arun"), SharedDemoWarehouse.Path, new Dictionary<string, string>
        {
            ["QUERY_RESULT_MAX_STORED_BYTES"] = StoredLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
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
    public async Task Approve_run_twice_executes_once_and_the_second_call_returns_the_stored_result()
    {
        var tenant = "org_twice_" + Guid.NewGuid().ToString("N")[..8];
        var (_, preview) = await _http.SendAsync(HttpMethod.Post, "api/v1/queries/preview", tenant, "member",
            QueryRouteTests.Body(tenant, "SELECT status, COUNT(*) AS n FROM analytics.orders GROUP BY status ORDER BY status"));
        var id = preview!["preview_id"]!.GetValue<string>();

        var (firstStatus, first) = await _http.SendAsync(HttpMethod.Post, "api/v1/queries/approve-run", tenant, "member", QueryRouteTests.Run(tenant, id));
        var (secondStatus, second) = await _http.SendAsync(HttpMethod.Post, "api/v1/queries/approve-run", tenant, "member", QueryRouteTests.Run(tenant, id));

        Assert.Equal((200, 200), (firstStatus, secondStatus));
        Assert.False(first!["stored_result"]!.GetValue<bool>());
        Assert.True(second!["stored_result"]!.GetValue<bool>());
        Assert.Equal(first["rows"]!.ToJsonString(), second["rows"]!.ToJsonString());
        Assert.Equal(first["executed_at"]!.GetValue<string>(), second["executed_at"]!.GetValue<string>());
        var audit = await new StorageFactory(_server.TaskHub).Audit.ListAsync(tenant, "query_approved_run", 10, CancellationToken.None);
        Assert.Equal("executed", Assert.Single(audit).Payload["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_result_over_the_stored_size_limit_is_stored_truncated_and_returned_so_again()
    {
        var tenant = "org_big_" + Guid.NewGuid().ToString("N")[..8];
        var (_, preview) = await _http.SendAsync(HttpMethod.Post, "api/v1/queries/preview", tenant, "member",
            QueryRouteTests.Body(tenant, "SELECT order_id, user_id, amount, status FROM analytics.orders WHERE created_at > TIMESTAMP '2000-01-01' ORDER BY order_id LIMIT 2000"));
        var id = preview!["preview_id"]!.GetValue<string>();

        var (status, run) = await _http.SendAsync(HttpMethod.Post, "api/v1/queries/approve-run", tenant, "member", QueryRouteTests.Run(tenant, id));
        var (_, again) = await _http.SendAsync(HttpMethod.Post, "api/v1/queries/approve-run", tenant, "member", QueryRouteTests.Run(tenant, id));

        Assert.Equal(200, status);
        Assert.True(run!["truncated"]!.GetValue<bool>());
        var rows = run["rows"]!.AsArray();
        Assert.InRange(rows.Count, 1, 1999);
        Assert.True(again!["stored_result"]!.GetValue<bool>());
        Assert.True(again["truncated"]!.GetValue<bool>());
        Assert.Equal(rows.ToJsonString(), again["rows"]!.ToJsonString());
    }
}
