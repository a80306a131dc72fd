using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Tenancy.Jwt;

/// <summary>The server started with AUTH_MODE=jwt over a loopback issuer: tokens only, no identity headers.</summary>
public sealed class JwtServerTests : IClassFixture<AccessMatrixServers>
{
    private readonly AccessMatrixServers _servers;

    public JwtServerTests(AccessMatrixServers servers) => _servers = servers;

    private HttpClient Http => _servers.JwtHttp;

    [Fact]
    public async Task A_full_profile_then_agent_run_flow_works_with_tokens_only()
    {
        var tenant = "org_jwtflow_" + Guid.NewGuid().ToString("N")[..8];
        var admin = Token(tenant, "admin");
        var member = Token(tenant, "member");

        var (connected, _) = await SendAsync(HttpMethod.Post, "api/v1/connectors/bigquery", admin, $$"""{"org_id":"{{tenant}}"}""");
        var (profiled, profile) = await SendAsync(HttpMethod.Post, $"api/v1/workflows/profile?org_id={tenant}", member);
        if (profiled == 202)
        {
            // A loaded machine outlasts the server's wait: follow the run with the token, as a client would.
            var workflowId = profile!["workflow_id"]!.GetValue<string>();
            (profiled, profile) = await PollAsync($"api/v1/workflows/{workflowId}/status?org_id={tenant}", member,
                b => b?["status"]?.GetValue<string>() is "success" or "partial_failure" or "failed" && b["result"] is not null);
        }

        var (asked, answer) = await SendAsync(HttpMethod.Post, "api/v1/agent/run", member, Agent.AgentRunTests.Ask(tenant, "How many orders were placed in the last 30 days?"));
        if (asked == 202)
        {
            var runId = answer!["run_id"]!.GetValue<string>();
            (asked, answer) = await PollAsync($"api/v1/agent/runs/{runId}?org_id={tenant}", member, b => b?["response_type"] is not null);
        }

        var (listed, runs) = await SendAsync(HttpMethod.Get, $"api/v1/workflows/runs?org_id={tenant}", member);

        Assert.Equal(200, connected);
        Assert.True(profiled == 200, profile?.ToJsonString());
        Assert.True(asked == 200 && answer!["response_type"]!.GetValue<string>() == "query_result", answer?.ToJsonString());
        Assert.Equal(200, listed);
        Assert.Equal(["agent", "profile"], runs!["items"]!.AsArray().Select(r => r!["workflow_type"]!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Without_a_token_a_protected_route_is_401_with_a_bearer_challenge_and_is_audited_with_the_reason()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/workflows/runs?org_id=org_any");
        request.Headers.Add("X-Tenant-Id", "org_any");
        request.Headers.Add("X-User-Role", "admin");
        using var response = await Http.SendAsync(request);

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        var rows = await new StorageFactory(_servers.Jwt.TaskHub).Audit.ListAsync("unknown", "http_exception", 50, CancellationToken.None);
        Assert.Contains(rows, r => r.Payload["auth_mode"]?.GetValue<string>() == "jwt" && r.Payload["auth_reason"]?.GetValue<string>() == "missing_token"
            && r.Payload["status_code"]!.GetValue<int>() == 401);
        Assert.DoesNotContain(await new StorageFactory(_servers.Jwt.TaskHub).Audit.ListAsync("org_any", null, 10, CancellationToken.None), _ => true);
    }

    [Fact]
    public async Task In_jwt_mode_the_token_is_checked_before_the_body_so_unparseable_json_without_a_token_is_401()
    {
        var (status, _) = await SendAsync(HttpMethod.Post, "api/v1/connectors/bigquery", null, "{not json");

        Assert.Equal(401, status);
    }

    [Fact]
    public async Task An_expired_token_is_401_over_http()
    {
        var token = _servers.Issuer.Token("org_exp", ["admin"], TimeProvider.System.GetUtcNow(), startsIn: TimeSpan.FromHours(-2), lifetime: TimeSpan.FromMinutes(-5));
        var (status, body) = await SendAsync(HttpMethod.Get, "api/v1/workflows/runs?org_id=org_exp", token);

        Assert.Equal(401, status);
        Assert.Equal("The token is expired", body!["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_token_for_tenant_a_with_header_tenant_b_is_403_and_filed_under_tenant_a()
    {
        var tenant = "org_hdr_" + Guid.NewGuid().ToString("N")[..8];
        var (status, body) = await SendAsync(HttpMethod.Get, $"api/v1/workflows/runs?org_id={tenant}", Token(tenant, "admin"), tenantHeader: "org_someone_else");

        Assert.Equal(403, status);
        Assert.Contains("X-Tenant-Id", body!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var row = Assert.Single(await new StorageFactory(_servers.Jwt.TaskHub).Audit.ListAsync(tenant, "http_exception", 10, CancellationToken.None));
        Assert.Equal("header_mismatch", row.Payload["auth_reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_token_for_tenant_a_naming_tenant_b_in_the_request_is_the_seeds_tenant_boundary_403()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "api/v1/queries/preview", Token("org_tok_a", "admin"), """{"org_id":"org_tok_b","sql":"SELECT 1"}""");

        Assert.Equal(403, status);
        Assert.Equal("Tenant boundary violation: header tenant does not match requested org", body!["detail"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("viewer", true, "role_insufficient")]
    [InlineData("admin", false, "tenant_mismatch")]
    [InlineData("root", true, "invalid_headers")]
    public async Task In_headers_mode_a_refusal_is_audited_with_the_check_that_refused_it(string role, bool ownTenant, string reason)
    {
        var tenant = "org_aud_" + Guid.NewGuid().ToString("N")[..8];
        var (status, _) = await _servers.HeadersHttp.SendAsync(HttpMethod.Post, $"api/v1/workflows/profile?org_id={(ownTenant ? tenant : "org_not_mine")}", tenant, role);

        var row = Assert.Single(await new StorageFactory(_servers.Headers.TaskHub).Audit.ListAsync(tenant, "http_exception", 10, CancellationToken.None));
        Assert.Equal(status, row.Payload["status_code"]!.GetValue<int>());
        Assert.Equal("headers", row.Payload["auth_mode"]!.GetValue<string>());
        Assert.Equal(reason, row.Payload["auth_reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ready_reports_the_identity_mode_and_no_header_exposure_in_jwt_mode()
    {
        var (_, jwtReady) = await SendAsync(HttpMethod.Get, "ready", null);
        using var headersReady = await _servers.HeadersHttp.GetAsync("ready");
        var headers = JsonNode.Parse(await headersReady.Content.ReadAsStringAsync())!;

        Assert.Equal("jwt", jwtReady!["auth"]!["mode"]!.GetValue<string>());
        Assert.False(jwtReady["auth"]!["headers_trusted_from_network"]!.GetValue<bool>());
        Assert.Equal("headers", headers["auth"]!["mode"]!.GetValue<string>());
        Assert.False(headers["auth"]!["headers_trusted_from_network"]!.GetValue<bool>()); // the test servers listen on 127.0.0.1
    }

    private async Task<(int Status, JsonNode? Body)> PollAsync(string path, string token, Func<JsonNode?, bool> done)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        (int Status, JsonNode? Body) last = default;
        while (clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            last = await SendAsync(HttpMethod.Get, path, token);
            if (last.Status == 200 && done(last.Body))
            {
                return last;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{path} did not finish; last answer {last.Status}: {last.Body}");
    }

    private string Token(string tenant, string role) => _servers.Issuer.Token(tenant, [role], TimeProvider.System.GetUtcNow());

    private async Task<(int Status, JsonNode? Body)> SendAsync(HttpMethod method, string path, string? token, string? body = null, string? tenantHeader = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (tenantHeader is not null)
        {
            request.Headers.Add("X-Tenant-Id", tenantHeader);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.StartsWith('{') ? JsonNode.Parse(text) : null);
    }
}
