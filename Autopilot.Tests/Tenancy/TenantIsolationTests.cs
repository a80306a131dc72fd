using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Tenancy;

/// <summary>Org A can neither read nor start nor change anything of org B (TEN-2, TEN-7).</summary>
public sealed class TenantIsolationTests : IClassFixture<ServerFixture>
{
    private readonly ServerFixture _fixture;

    public TenantIsolationTests(ServerFixture fixture) => _fixture = fixture;

    private HttpClient Http => _fixture.Http;

    [Fact]
    public async Task Another_tenants_workflow_behaves_as_unknown_and_is_not_listed()
    {
        var (a, b) = NewTenants();
        var (startStatus, started) = await Http.SendAsync(HttpMethod.Post, $"api/v1/workflows/profile?org_id={a}", a, "member");
        Assert.Equal(200, startStatus);
        var workflowId = started!["workflow_id"]!.GetValue<string>();

        var (crossStatus, crossBody) = await Http.SendAsync(HttpMethod.Get, $"api/v1/workflows/{workflowId}/status?org_id={b}", b, "admin");
        var (spoofStatus, _) = await Http.SendAsync(HttpMethod.Get, $"api/v1/workflows/{workflowId}/status?org_id={a}", b, "admin");
        var (_, bRuns) = await Http.SendAsync(HttpMethod.Get, $"api/v1/workflows/runs?org_id={b}", b, "admin");
        var (_, aRuns) = await Http.SendAsync(HttpMethod.Get, $"api/v1/workflows/runs?org_id={a}", a, "member");

        Assert.Equal(404, crossStatus);
        Assert.Equal("workflow not found", crossBody!["detail"]!.GetValue<string>());
        Assert.Equal(403, spoofStatus);
        Assert.Empty(bRuns!["items"]!.AsArray());
        Assert.Contains(aRuns!["items"]!.AsArray(), i => i!["workflow_id"]!.GetValue<string>() == workflowId);
    }

    [Fact]
    public async Task A_tenant_cannot_start_work_for_another()
    {
        var (a, b) = NewTenants();

        var (status, _) = await Http.SendAsync(HttpMethod.Post, $"api/v1/workflows/profile?org_id={a}", b, "admin");
        var (connectStatus, _) = await Http.SendAsync(HttpMethod.Post, "api/v1/connectors/bigquery", b, "admin", $$"""{"org_id":"{{a}}"}""");
        var (_, aRuns) = await Http.SendAsync(HttpMethod.Get, $"api/v1/workflows/runs?org_id={a}", a, "member");

        Assert.Equal(403, status);
        Assert.Equal(403, connectStatus);
        Assert.Empty(aRuns!["items"]!.AsArray());
    }

    [Fact]
    public async Task Disconnecting_another_tenants_connection_is_not_found_and_changes_nothing()
    {
        var (a, b) = NewTenants();
        var (connectStatus, connected) = await Http.SendAsync(HttpMethod.Post, "api/v1/connectors/bigquery", a, "admin",
            $$$"""{"org_id":"{{{a}}}","service_account_json":{"type":"service_account","private_key":"-----BEGIN PRIVATE KEY-----secret"}}""");
        Assert.Equal(200, connectStatus);
        var connectionId = connected!["connection_id"]!.GetValue<string>();

        var (status, body) = await Http.SendAsync(HttpMethod.Post, $"api/v1/connectors/{connectionId}/disconnect?org_id={b}", b, "admin");
        var (profileStatus, profile) = await Http.SendAsync(HttpMethod.Post, $"api/v1/workflows/profile?org_id={a}", a, "member");

        Assert.Equal(200, status);
        Assert.Equal("not_found", body!["status"]!.GetValue<string>());
        Assert.Equal(200, profileStatus);
        Assert.Equal("success", profile!["status"]!.GetValue<string>());
        Assert.DoesNotContain("secret", connected.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_returns_the_deterministic_id_and_never_echoes_credentials_and_disconnect_clears_them()
    {
        var (a, _) = NewTenants();
        var body = $$$"""{"org_id":"{{{a}}}","service_account_json":{"private_key":"TOPSECRET-KEY-MATERIAL"}}""";

        var (status, connected) = await Http.SendAsync(HttpMethod.Post, "api/v1/connectors/bigquery", a, "admin", body);
        var (againStatus, _) = await Http.SendAsync(HttpMethod.Post, "api/v1/connectors/bigquery", a, "admin", body);
        var (disconnectStatus, disconnected) = await Http.SendAsync(HttpMethod.Post, $"api/v1/connectors/conn_{a}/disconnect?org_id={a}", a, "admin");
        var (profileStatus, _) = await Http.SendAsync(HttpMethod.Post, $"api/v1/workflows/profile?org_id={a}", a, "member");

        Assert.Equal(200, status);
        Assert.Equal($"conn_{a}", connected!["connection_id"]!.GetValue<string>());
        Assert.Equal("active", connected["status"]!.GetValue<string>());
        Assert.Equal(200, againStatus);
        Assert.Equal(200, disconnectStatus);
        Assert.Equal("disconnected", disconnected!["status"]!.GetValue<string>());
        Assert.Equal(409, profileStatus);
        Assert.DoesNotContain("TOPSECRET", _fixture.Server.Output, StringComparison.Ordinal);

        var audit = await new StorageFactory(_fixture.Server.TaskHub).Audit.ListAsync(a, null, 100, CancellationToken.None);
        Assert.Equal(2, audit.Count(e => e.EventType == "connector_connected"));
        Assert.Equal(new[] { true, false }, audit.Where(e => e.EventType == "connector_connected").Reverse().Select(e => e.Payload["created"]!.GetValue<bool>()));
        Assert.DoesNotContain(audit, e => e.Payload.ToJsonString().Contains("TOPSECRET", StringComparison.Ordinal));
    }

    private static (string A, string B) NewTenants()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        return ($"org_a_{suffix}", $"org_b_{suffix}");
    }
}
