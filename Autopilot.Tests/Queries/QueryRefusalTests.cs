using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Queries;

/// <summary>A query the demo warehouse refuses at its dry run is a clear refusal over HTTP, never a 500 (issue 8 §1).</summary>
public sealed class QueryRefusalTests : IClassFixture<ServerFixture>
{
    private readonly ServerFixture _fixture;

    public QueryRefusalTests(ServerFixture fixture) => _fixture = fixture;

    [Theory]
    [InlineData("SELECT id FROM users", "The warehouse has no table named users")]
    [InlineData("SELECT no_such_column FROM analytics.users", "The warehouse has no column named no_such_column")]
    [InlineData("SELECT user_id FROM analytics.no_such_table", "The warehouse has no table named no_such_table")]
    [InlineData("SELECT u.user_id, u.ghost FROM analytics.users AS u", "The warehouse has no column named ghost in u")]
    public async Task A_preview_the_warehouse_refuses_is_blocked_with_a_reason_naming_what_is_missing(string sql, string reason)
    {
        var tenant = "org_qr_" + Guid.NewGuid().ToString("N")[..8];

        var (status, body) = await _fixture.Http.SendAsync(HttpMethod.Post, "api/v1/queries/preview", tenant, "member", QueryRouteTests.Body(tenant, sql));

        Assert.Equal(200, status);
        Assert.Equal("blocked", body!["status"]!.GetValue<string>());
        Assert.Null(body["preview_id"]);
        var reasons = body["reasons"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();
        Assert.Contains(reason, reasons);
        Assert.All(reasons, WarehouseRejectionTests.AssertClean);
        var decisions = await new StorageFactory(_fixture.Server.TaskHub).Audit.ListAsync(tenant, "security_gate_decision", 10, CancellationToken.None);
        var decision = Assert.Single(decisions);
        Assert.False(decision.Payload["allowed"]!.GetValue<bool>());
        Assert.Contains("warehouse_rejected", decision.Payload["rule_ids"]!.AsArray().Select(r => r!.GetValue<string>()));
    }
}
