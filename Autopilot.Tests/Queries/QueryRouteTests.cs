using System.Text.Json.Nodes;
using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Queries;

/// <summary>Query preview and approve-run over HTTP on the demo warehouse (spec §6, QRY-*).</summary>
public sealed class QueryRouteTests : IClassFixture<ServerFixture>
{
    private readonly ServerFixture _fixture;

    public QueryRouteTests(ServerFixture fixture) => _fixture = fixture;

    private HttpClient Http => _fixture.Http;

    internal static string Body(string tenant, string sql) => new JsonObject { ["org_id"] = tenant, ["sql"] = sql }.ToJsonString();

    internal static string Run(string tenant, string previewId, bool showPii = false) =>
        new JsonObject { ["org_id"] = tenant, ["preview_id"] = previewId, ["show_pii"] = showPii }.ToJsonString();

    [Fact]
    public async Task The_seed_pinned_outcomes_hold_through_preview()
    {
        var tenant = NewTenant();
        var (_, drop) = await Http.SendAsync(HttpMethod.Post, "api/v1/queries/preview", tenant, "member", Body(tenant, "DROP TABLE users"));
        var (_, multi) = await Http.SendAsync(HttpMethod.Post, "api/v1/queries/preview", tenant, "member", Body(tenant, "SELECT 1; DROP TABLE users"));
        var (_, daily) = await Http.SendAsync(HttpMethod.Post, "api/v1/queries/preview", tenant, "member",
            Body(tenant, "SELECT DATE(created_at) AS day, COUNT(*) AS c FROM analytics.orders GROUP BY 1"));
        var (_, rows) = await Http.SendAsync(HttpMethod.Post, "api/v1/queries/preview", tenant, "member", Body(tenant, "SELECT order_id FROM analytics.orders WHERE created_at > TIMESTAMP '2020-01-01'"));

        Assert.Equal("blocked", drop!["status"]!.GetValue<string>());
        Assert.Null(drop["preview_id"]);
        Assert.Equal("blocked", multi!["status"]!.GetValue<string>());
        Assert.Contains(multi["reasons"]!.AsArray(), r => r!.GetValue<string>().StartsWith("Multi-statement SQL is blocked", StringComparison.Ordinal));
        Assert.Equal("ready", daily!["status"]!.GetValue<string>());
        Assert.Contains("INTERVAL 30 DAY", daily["sql"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Partition filter auto-added", daily["reasons"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Contains("LIMIT 10000", rows!["sql"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("qry_", rows["preview_id"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(rows["requires_approval"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_approved_preview_runs_once_and_repeats_return_the_stored_result()
    {
        var tenant = NewTenant();
        var (_, preview) = await Http.SendAsync(HttpMethod.Post, "api/v1/queries/preview", tenant, "member",
            Body(tenant, "SELECT status, COUNT(*) AS n FROM analytics.orders GROUP BY status ORDER BY status"));
        var id = preview!["preview_id"]!.GetValue<string>();

        var calls = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Http.SendAsync(HttpMethod.Post, "api/v1/queries/approve-run", tenant, "member", Run(tenant, id))));
        var (_, again) = await Http.SendAsync(HttpMethod.Post, "api/v1/queries/approve-run", tenant, "member", Run(tenant, id));

        Assert.All(calls, c => Assert.True(c.Status is 200 or 409, $"{c.Status}: {c.Body}"));
        var executed = calls.Where(c => c.Status == 200 && !c.Body!["stored_result"]!.GetValue<bool>()).ToList();
        Assert.Single(executed);
        Assert.Equal("executed", again!["status"]!.GetValue<string>());
        Assert.True(again["stored_result"]!.GetValue<bool>());
        Assert.Equal(executed[0].Body!["rows"]!.ToJsonString(), again["rows"]!.ToJsonString());
        Assert.Equal(executed[0].Body!["actual_bytes"]!.GetValue<long>(), again["actual_bytes"]!.GetValue<long>());
        Assert.True(again["rows"]!.AsArray().Count >= 3);

        var audit = await new StorageFactory(_fixture.Server.TaskHub).Audit.ListAsync(tenant, "query_approved_run", 10, CancellationToken.None);
        Assert.Single(audit);
    }

    [Fact]
    public async Task PII_columns_are_redacted_through_aliases_and_ctes_unless_an_admin_approves_showing_them()
    {
        var tenant = NewTenant();
        await ProfileAsync(tenant);
        var sql = "WITH x AS (SELECT email AS contact, channel FROM analytics.users WHERE created_at > TIMESTAMP '2000-01-01') SELECT contact, UPPER(contact) AS shout, channel FROM x LIMIT 5";

        var (_, p1) = await Http.SendAsync(HttpMethod.Post, "api/v1/queries/preview", tenant, "member", Body(tenant, sql));
        var (_, redacted) = await Http.SendAsync(HttpMethod.Post, "api/v1/queries/approve-run", tenant, "member", Run(tenant, p1!["preview_id"]!.GetValue<string>()));
        var (_, p2) = await Http.SendAsync(HttpMethod.Post, "api/v1/queries/preview", tenant, "member", Body(tenant, sql + " "));
        var (memberShowStatus, _) = await Http.SendAsync(HttpMethod.Post, "api/v1/queries/approve-run", tenant, "member", Run(tenant, p2!["preview_id"]!.GetValue<string>(), showPii: true));
        var (_, shown) = await Http.SendAsync(HttpMethod.Post, "api/v1/queries/approve-run", tenant, "admin", Run(tenant, p2["preview_id"]!.GetValue<string>(), showPii: true));

        var rows = redacted!["rows"]!.AsArray();
        Assert.Equal(5, rows.Count);
        Assert.All(rows, r => Assert.Equal("[REDACTED:email]", r!["contact"]!.GetValue<string>()));
        Assert.All(rows, r => Assert.Equal("[REDACTED:email]", r!["shout"]!.GetValue<string>()));
        Assert.All(rows, r => Assert.DoesNotContain("REDACTED", r!["channel"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.Equal(["contact", "shout"], redacted["redacted_columns"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal(403, memberShowStatus);
        Assert.All(shown!["rows"]!.AsArray(), r => Assert.Contains("@", r!["contact"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_same_sql_run_again_comes_from_the_cache_and_costs_nothing_until_a_profile_refreshes_it()
    {
        var tenant = NewTenant();
        const string sql = "SELECT channel, COUNT(*) AS n FROM analytics.users GROUP BY channel ORDER BY channel";
        async Task<System.Text.Json.Nodes.JsonNode> RunOnce()
        {
            var (_, preview) = await Http.SendAsync(HttpMethod.Post, "api/v1/queries/preview", tenant, "member", Body(tenant, sql));
            var (_, run) = await Http.SendAsync(HttpMethod.Post, "api/v1/queries/approve-run", tenant, "member", Run(tenant, preview!["preview_id"]!.GetValue<string>()));
            return run!;
        }

        var first = await RunOnce();
        var second = await RunOnce();
        await ProfileAsync(tenant);
        var third = await RunOnce();

        Assert.False(first["cache_hit"]!.GetValue<bool>());
        Assert.True(first["actual_bytes"]!.GetValue<long>() > 0);
        Assert.True(second["cache_hit"]!.GetValue<bool>());
        Assert.Equal(0, second["actual_bytes"]!.GetValue<long>());
        Assert.Equal(first["rows"]!.ToJsonString(), second["rows"]!.ToJsonString());
        Assert.False(third["cache_hit"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Request_errors_follow_the_seed_order_and_previews_are_tenant_scoped()
    {
        var tenant = NewTenant();
        var (blank, blankBody) = await Http.SendAsync(HttpMethod.Post, "api/v1/queries/preview", tenant, "member", Body(tenant, "   "));
        var (viewer, _) = await Http.SendAsync(HttpMethod.Post, "api/v1/queries/preview", tenant, "viewer", Body(tenant, "   "));
        var (noOrg, _) = await Http.SendAsync(HttpMethod.Post, "api/v1/queries/preview", tenant, "member", """{"sql":"SELECT 1"}""");
        var (_, preview) = await Http.SendAsync(HttpMethod.Post, "api/v1/queries/preview", tenant, "member", Body(tenant, "SELECT 1 AS one"));
        var (missingId, missingBody) = await Http.SendAsync(HttpMethod.Post, "api/v1/queries/approve-run", tenant, "member", $$"""{"org_id":"{{tenant}}"}""");
        var (unknown, unknownBody) = await Http.SendAsync(HttpMethod.Post, "api/v1/queries/approve-run", tenant, "member", Run(tenant, "qry_000000000000"));
        var other = NewTenant();
        var (foreign, _) = await Http.SendAsync(HttpMethod.Post, "api/v1/queries/approve-run", other, "member", Run(other, preview!["preview_id"]!.GetValue<string>()));

        Assert.Equal((400, "sql is required"), (blank, blankBody!["detail"]!.GetValue<string>()));
        Assert.Equal(403, viewer);
        Assert.Equal(403, noOrg);
        Assert.Equal((400, "preview_id is required"), (missingId, missingBody!["detail"]!.GetValue<string>()));
        Assert.Equal((404, "preview_id not found"), (unknown, unknownBody!["detail"]!.GetValue<string>()));
        Assert.Equal(404, foreign);
    }

    [Fact]
    public async Task Functions_that_reach_outside_the_warehouse_are_refused_before_any_dry_run()
    {
        var tenant = NewTenant();
        foreach (var sql in new[] { "SELECT * FROM read_csv('/etc/passwd')", "SELECT getenv('HOME')", "SELECT * FROM '/etc/passwd'", "SELECT 1 /* DROP TABLE users */" })
        {
            var (status, body) = await Http.SendAsync(HttpMethod.Post, "api/v1/queries/preview", tenant, "member", Body(tenant, sql));
            Assert.Equal(200, status);
            Assert.Equal("blocked", body!["status"]!.GetValue<string>());
        }

        var decisions = await new StorageFactory(_fixture.Server.TaskHub).Audit.ListAsync(tenant, "security_gate_decision", 10, CancellationToken.None);
        Assert.Equal(4, decisions.Count);
        Assert.All(decisions, d => Assert.False(d.Payload["allowed"]!.GetValue<bool>()));
    }

    /// <summary>Profiles the tenant and waits for the catalog, also when the run outlasts the route's wait (a busy machine).</summary>
    private async Task ProfileAsync(string tenant)
    {
        var (status, body) = await Http.SendAsync(HttpMethod.Post, $"api/v1/workflows/profile?org_id={tenant}", tenant, "member");
        if (status == 202)
        {
            await Http.WaitForRunAsync(tenant, body!["workflow_id"]!.GetValue<string>(), TimeSpan.FromMinutes(3));
        }
    }

    private static string NewTenant() => "org_q_" + Guid.NewGuid().ToString("N")[..8];
}
