using Autopilot.Tests.Infrastructure;
using Autopilot.Tests.Queries;

namespace Autopilot.Tests.Sql;

/// <summary>The demo warehouse's function refusals reach a user as a preview's blocked status with the reason.</summary>
public sealed class DemoWarehousePreviewTests : IClassFixture<ServerFixture>
{
    private readonly ServerFixture _fixture;

    public DemoWarehousePreviewTests(ServerFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task A_function_the_demo_warehouse_lacks_is_a_blocked_preview_naming_it_and_a_translated_one_is_ready()
    {
        var tenant = "org_fn_" + Guid.NewGuid().ToString("N")[..8];

        var (lackingStatus, lacking) = await _fixture.Http.SendAsync(HttpMethod.Post, "api/v1/queries/preview", tenant, "member",
            QueryRouteTests.Body(tenant, "SELECT NET.HOST('https://example.com/a') AS host, SOUNDEX('Ashcraft') AS s"));
        var (carriedStatus, carried) = await _fixture.Http.SendAsync(HttpMethod.Post, "api/v1/queries/preview", tenant, "member",
            QueryRouteTests.Body(tenant, "SELECT APPROX_TOP_COUNT(event_name, 5) AS top_events FROM analytics.events WHERE timestamp >= TIMESTAMP '2026-11-01'"));

        Assert.Equal(200, lackingStatus);
        Assert.Equal("blocked", lacking!["status"]!.GetValue<string>());
        Assert.Equal(
            ["NET.HOST is not supported on the demo warehouse", "SOUNDEX is not supported on the demo warehouse"],
            lacking["reasons"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(200, carriedStatus);
        Assert.Equal("ready", carried!["status"]!.GetValue<string>());
    }
}
