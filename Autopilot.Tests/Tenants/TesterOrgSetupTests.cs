using System.Text.Json.Nodes;
using Autopilot.Core.Connectors;
using Autopilot.Core.Tenants;
using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Tenants;

/// <summary>Tester onboarding (#53, spec §14.1) and tenant records (TEN-8) over a real server.</summary>
[Collection(ProcessCollection.Name)]
public sealed class TesterOrgSetupTests
{
    private readonly ServerFixture _fixture;

    public TesterOrgSetupTests(ServerFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Setup_creates_the_tenant_connects_the_demo_warehouse_and_answers_its_profiled_catalog()
    {
        var tenant = "org_tester_" + Guid.NewGuid().ToString("N")[..8];
        var tenants = new TenantStore(new StorageFactory(_fixture.Server.TaskHub).Tables, TimeProvider.System);
        Assert.False(await tenants.ExistsAsync(tenant, CancellationToken.None));

        var (status, body) = await _fixture.Http.SendAsync(HttpMethod.Post, "api/v1/admin/setup-tester-org", tenant, "admin", "{}");

        Assert.Equal(200, status);
        Assert.Equal(tenant, body!["org_id"]!.GetValue<string>());
        Assert.False(body["tenant_exists"]!.GetValue<bool>());
        Assert.True(await tenants.ExistsAsync(tenant, CancellationToken.None));
        var names = body["table_names"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        var catalog = await new StorageFactory(_fixture.Server.TaskHub).Catalog.ListTablesAsync(tenant, CancellationToken.None);
        Assert.Equal(catalog.Select(t => t.Table).Order(StringComparer.Ordinal), names);
        Assert.Equal(names.Count, body["tables_discovered"]!.GetValue<int>());
        Assert.Contains("users", names);
        var pii = body["pii_details"]!.AsArray();
        Assert.Equal(pii.Count, body["pii_columns_flagged"]!.GetValue<int>());
        Assert.Contains(pii, p => p!["table"]!.GetValue<string>() == "users" && p["column"]!.GetValue<string>() == "email" && p["confidence"]!.GetValue<int>() > 0);

        var (again, second) = await _fixture.Http.SendAsync(HttpMethod.Post, "api/v1/admin/setup-tester-org", tenant, "admin", "{}");
        Assert.Equal(200, again);
        Assert.True(second!["tenant_exists"]!.GetValue<bool>());
        Assert.Equal(names, second["table_names"]!.AsArray().Select(n => n!.GetValue<string>()).ToList());
    }

    [Fact]
    public async Task Setup_reconnects_a_disconnected_demo_connection_instead_of_failing()
    {
        var tenant = "org_tester_dis_" + Guid.NewGuid().ToString("N")[..8];
        var connectionId = ConnectionStore.IdFor(tenant);
        var (connected, _) = await _fixture.Http.SendAsync(HttpMethod.Post, "api/v1/connectors/bigquery", tenant, "admin", new JsonObject { ["org_id"] = tenant }.ToJsonString());
        var (disconnected, _) = await _fixture.Http.SendAsync(HttpMethod.Post, $"api/v1/connectors/{connectionId}/disconnect?org_id={tenant}", tenant, "admin");
        Assert.Equal(200, connected);
        Assert.Equal(200, disconnected);

        var (status, body) = await _fixture.Http.SendAsync(HttpMethod.Post, "api/v1/admin/setup-tester-org", tenant, "admin", new JsonObject { ["org_id"] = tenant }.ToJsonString());

        Assert.Equal(200, status);
        Assert.True(body!["tenant_exists"]!.GetValue<bool>()); // connect created the record (TEN-8)
        Assert.True(body["tables_discovered"]!.GetValue<int>() > 0);
        var factory = new StorageFactory(_fixture.Server.TaskHub);
        var connection = await new ConnectionStore(factory.Tables, new CredentialProtector(Convert.FromBase64String(ServerProcess.SharedKey)), TimeProvider.System)
            .GetAsync(tenant, connectionId, CancellationToken.None);
        Assert.Equal(ConnectionStatus.Active, connection!.Status);
    }

    [Fact]
    public async Task Setup_is_refused_to_members_and_to_another_tenants_admin()
    {
        var tenant = "org_tester_ref_" + Guid.NewGuid().ToString("N")[..8];
        var (member, _) = await _fixture.Http.SendAsync(HttpMethod.Post, "api/v1/admin/setup-tester-org", tenant, "member", "{}");
        var (foreign, _) = await _fixture.Http.SendAsync(HttpMethod.Post, "api/v1/admin/setup-tester-org", tenant, "admin", new JsonObject { ["org_id"] = "org_someone_else" }.ToJsonString());
        Assert.Equal(403, member);
        Assert.Equal(403, foreign);
        var tenants = new TenantStore(new StorageFactory(_fixture.Server.TaskHub).Tables, TimeProvider.System);
        Assert.False(await tenants.ExistsAsync(tenant, CancellationToken.None));
    }
}
