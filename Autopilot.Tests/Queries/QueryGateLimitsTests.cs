using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Queries;

/// <summary>An organisation's own SQL gate limits (seed plan 2.1) apply to its queries only.</summary>
public sealed class QueryGateLimitsTests : IClassFixture<ServerFixture>
{
    private readonly ServerFixture _fixture;

    public QueryGateLimitsTests(ServerFixture fixture) => _fixture = fixture;

    private HttpClient Http => _fixture.Http;

    [Fact]
    public async Task An_admin_sets_the_row_limit_and_time_filter_mode_and_only_that_tenant_is_affected()
    {
        var tenant = "org_gl_" + Guid.NewGuid().ToString("N")[..8];
        var other = "org_gl_" + Guid.NewGuid().ToString("N")[..8];
        var (memberStatus, _) = await Http.SendAsync(HttpMethod.Post, $"api/v1/queries/limits?org_id={tenant}", tenant, "member", """{"default_limit":50}""");
        var (badStatus, bad) = await Http.SendAsync(HttpMethod.Post, $"api/v1/queries/limits?org_id={tenant}", tenant, "admin", """{"require_time_filter":"sometimes"}""");
        var (setStatus, set) = await Http.SendAsync(HttpMethod.Post, $"api/v1/queries/limits?org_id={tenant}", tenant, "admin",
            """{"default_limit":50,"max_limit":50,"require_time_filter":"block"}""");

        var (_, capped) = await Http.SendAsync(HttpMethod.Post, "api/v1/queries/preview", tenant, "member", QueryRouteTests.Body(tenant, "SELECT key FROM analytics.config LIMIT 500"));
        var (_, unfiltered) = await Http.SendAsync(HttpMethod.Post, "api/v1/queries/preview", tenant, "member", QueryRouteTests.Body(tenant, "SELECT COUNT(*) AS n FROM analytics.events"));
        var (_, otherUnfiltered) = await Http.SendAsync(HttpMethod.Post, "api/v1/queries/preview", other, "member", QueryRouteTests.Body(other, "SELECT COUNT(*) AS n FROM analytics.events"));

        Assert.Equal(403, memberStatus);
        Assert.Equal((400, "require_time_filter must be rewrite or block"), (badStatus, bad!["detail"]!.GetValue<string>()));
        Assert.Equal(200, setStatus);
        Assert.Equal(("block", 50), (set!["require_time_filter"]!.GetValue<string>(), set["max_limit"]!.GetValue<int>()));
        Assert.Contains("LIMIT 50", capped!["sql"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("blocked", unfiltered!["status"]!.GetValue<string>());
        Assert.StartsWith("Time filter required", unfiltered["reasons"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("ready", otherUnfiltered!["status"]!.GetValue<string>());
    }
}
