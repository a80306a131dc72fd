using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Dashboards;

/// <summary><c>POST /api/v1/workflows/dashboard</c> on the server: the seed's success body (§5.2), versions per build, viewers refused.</summary>
[Collection(SecondProcessCollection.Name)]
public sealed class DashboardRouteTests(ServerFixture fixture)
{
    [Fact]
    public async Task A_member_builds_dashboards_on_a_fresh_tenant_and_a_second_build_is_version_two_of_the_same_artifact()
    {
        var tenant = "org_dashroute" + Guid.NewGuid().ToString("N")[..8];

        var first = await BuildAsync(tenant);
        var second = await BuildAsync(tenant);

        Assert.Equal("success", first["status"]!.GetValue<string>());
        Assert.StartsWith("art_", first["artifact_id"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, first["version"]!.GetValue<int>());
        Assert.Null(first["metabase_dashboard_id"]);
        Assert.Equal(first["artifact_id"]!.GetValue<string>(), second["artifact_id"]!.GetValue<string>());
        Assert.Equal(2, second["version"]!.GetValue<int>());
        var (_, runs) = await fixture.Http.SendAsync(HttpMethod.Get, $"api/v1/workflows/runs?org_id={tenant}&workflow_type=dashboard", tenant, "member");
        Assert.Equal(2, runs!["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_viewer_may_not_build_dashboards()
    {
        var (status, body) = await fixture.Http.SendAsync(HttpMethod.Post, "api/v1/workflows/dashboard?org_id=org_view", "org_view", "viewer");

        Assert.Equal(403, status);
        Assert.Equal("Insufficient role: requires member or admin", body!["detail"]!.GetValue<string>());
    }

    private async Task<System.Text.Json.Nodes.JsonNode> BuildAsync(string tenant)
    {
        var (status, body) = await fixture.Http.SendAsync(HttpMethod.Post, $"api/v1/workflows/dashboard?org_id={tenant}", tenant, "member");
        if (status == 202)
        {
            // The build outlasted the server's wait: follow it as a client would.
            var run = await fixture.Http.WaitForRunAsync(tenant, body!["workflow_id"]!.GetValue<string>(), TimeSpan.FromMinutes(3));
            return run["result"]!;
        }

        Assert.True(status == 200, body?.ToJsonString());
        return body!;
    }
}
