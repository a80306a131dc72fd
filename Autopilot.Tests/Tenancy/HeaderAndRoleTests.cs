using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Tenancy;

/// <summary>The header/role matrix and evaluation order of spec §0.2–0.4, over real HTTP.</summary>
public sealed class HeaderAndRoleTests : IClassFixture<ServerFixture>
{
    private readonly ServerFixture _fixture;

    public HeaderAndRoleTests(ServerFixture fixture) => _fixture = fixture;

    private HttpClient Http => _fixture.Http;

    [Theory]
    [InlineData(null, null, "Missing X-Tenant-Id header")]
    [InlineData("", "member", "Missing X-Tenant-Id header")]
    [InlineData(null, "member", "Missing X-Tenant-Id header")]
    [InlineData("org_h", null, "Missing X-User-Role header")]
    [InlineData("org_h", "", "Missing X-User-Role header")]
    [InlineData("org_h", "superuser", "Invalid X-User-Role header")]
    public async Task Header_errors_are_400_with_the_tenant_checked_before_the_role(string? tenant, string? role, string detail)
    {
        var (status, body) = await Http.SendAsync(HttpMethod.Get, "api/v1/workflows/runs?org_id=org_h", tenant, role);

        Assert.Equal(400, status);
        Assert.Equal(detail, body!["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Role_is_matched_case_insensitively()
    {
        var (status, _) = await Http.SendAsync(HttpMethod.Get, "api/v1/workflows/runs?org_id=org_h", "org_h", "MeMbEr");

        Assert.Equal(200, status);
    }

    [Fact]
    public async Task Unparseable_json_is_422_before_any_header_check()
    {
        var (status, body) = await Http.SendAsync(HttpMethod.Post, "api/v1/connectors/bigquery", null, null, "{not json");

        Assert.Equal(422, status);
        Assert.Equal("json_invalid", body!["detail"]![0]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Missing_org_id_is_422_after_headers_and_before_scope_and_role()
    {
        var (headerStatus, _) = await Http.SendAsync(HttpMethod.Get, "api/v1/workflows/runs", null, "viewer");
        var (status, body) = await Http.SendAsync(HttpMethod.Get, "api/v1/workflows/runs", "org_h", "viewer");

        Assert.Equal(400, headerStatus);
        Assert.Equal(422, status);
        Assert.Equal("missing", body!["detail"]![0]!["type"]!.GetValue<string>());
        Assert.Equal(new[] { "query", "org_id" }, body["detail"]![0]!["loc"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public async Task Typed_body_without_org_id_is_422()
    {
        var (status, _) = await Http.SendAsync(HttpMethod.Post, "api/v1/connectors/bigquery", "org_h", "admin", "{}");

        Assert.Equal(422, status);
    }

    [Fact]
    public async Task Tenant_scope_is_checked_before_the_role()
    {
        var (status, body) = await Http.SendAsync(HttpMethod.Post, "api/v1/workflows/profile?org_id=org_other", "org_h", "viewer");

        Assert.Equal(403, status);
        Assert.Equal("Tenant boundary violation: header tenant does not match requested org", body!["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Tenant_ids_compare_case_sensitively()
    {
        var (status, _) = await Http.SendAsync(HttpMethod.Get, "api/v1/workflows/runs?org_id=ORG_H", "org_h", "member");

        Assert.Equal(403, status);
    }

    [Theory]
    [InlineData("POST", "api/v1/workflows/profile?org_id=org_h", null, "viewer", "Insufficient role: requires member or admin")]
    [InlineData("GET", "api/v1/workflows/runs?org_id=org_h", null, "viewer", "Insufficient role: requires member or admin")]
    [InlineData("GET", "api/v1/workflows/wf_000000000000/status?org_id=org_h", null, "viewer", "Insufficient role: requires member or admin")]
    [InlineData("POST", "api/v1/connectors/bigquery", """{"org_id":"org_h"}""", "member", "Insufficient role: requires admin")]
    [InlineData("POST", "api/v1/connectors/bigquery", """{"org_id":"org_h"}""", "viewer", "Insufficient role: requires admin")]
    [InlineData("POST", "api/v1/connectors/conn_org_h/disconnect?org_id=org_h", null, "member", "Insufficient role: requires admin")]
    public async Task Roles_below_the_route_requirement_are_403(string method, string path, string? body, string role, string detail)
    {
        var (status, response) = await Http.SendAsync(new HttpMethod(method), path, "org_h", role, body);

        Assert.Equal(403, status);
        Assert.Equal(detail, response!["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Health_and_ready_need_no_headers_and_ready_reports_each_dependency()
    {
        var (healthStatus, health) = await Http.SendAsync(HttpMethod.Get, "health", null, null);
        var (readyStatus, ready) = await Http.SendAsync(HttpMethod.Get, "ready", null, null);

        Assert.Equal(200, healthStatus);
        Assert.Equal("ok", health!["status"]!.GetValue<string>());
        Assert.Equal(200, readyStatus);
        var checks = ready!["checks"]!.AsObject();
        Assert.Equal(["bigquery", "metabase", "redis", "storage", "warehouse"], checks.Select(c => c.Key).Order(StringComparer.Ordinal));
        Assert.All(checks, c => Assert.NotNull(c.Value!["mode"]));
        Assert.True(ready["ok"]!.GetValue<bool>(), ready.ToJsonString());
    }

    [Fact]
    public async Task A_refused_request_is_audited_as_http_exception_and_a_422_is_not()
    {
        var tenant = "org_audit_" + Guid.NewGuid().ToString("N")[..8];
        await Http.SendAsync(HttpMethod.Post, $"api/v1/workflows/profile?org_id={tenant}", tenant, "viewer");
        await Http.SendAsync(HttpMethod.Get, "api/v1/workflows/runs", tenant, "member");

        var rows = await new StorageFactory(_fixture.Server.TaskHub).Audit.ListAsync(tenant, "http_exception", 10, CancellationToken.None);

        var row = Assert.Single(rows);
        Assert.Equal(403, row.Payload["status_code"]!.GetValue<int>());
        Assert.Equal("Insufficient role: requires member or admin", row.Payload["detail"]!.GetValue<string>());
        Assert.Equal("POST", row.Payload["method"]!.GetValue<string>());
        Assert.Equal("/api/v1/workflows/profile", row.Payload["path"]!.GetValue<string>());
        Assert.Equal("viewer", row.Payload["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_header_error_is_audited_under_unknown_when_no_tenant_was_sent()
    {
        var marker = "/api/v1/workflows/runs";
        var before = await new StorageFactory(_fixture.Server.TaskHub).Audit.ListAsync("unknown", "http_exception", 1000, CancellationToken.None);
        await Http.SendAsync(HttpMethod.Get, "api/v1/workflows/runs?org_id=x", null, "member");

        var after = await new StorageFactory(_fixture.Server.TaskHub).Audit.ListAsync("unknown", "http_exception", 1000, CancellationToken.None);

        Assert.Equal(before.Count + 1, after.Count);
        var newest = after[0];
        Assert.Equal(400, newest.Payload["status_code"]!.GetValue<int>());
        Assert.Equal(marker, newest.Payload["path"]!.GetValue<string>());
        Assert.Equal("member", newest.Payload["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_routes_are_404_without_a_body_contract()
    {
        var (status, _) = await Http.SendAsync(HttpMethod.Get, "api/v1/nope", "org_h", "member");

        Assert.Equal(404, status);
    }
}
