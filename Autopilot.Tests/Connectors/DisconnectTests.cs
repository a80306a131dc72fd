using System.Text.Json.Nodes;
using Autopilot.Core.Artifacts;
using Autopilot.Core.Connectors;
using Autopilot.Tests.Infrastructure;
using Autopilot.Tests.Workflows;

namespace Autopilot.Tests.Connectors;

/// <summary>Disconnect as a durable orchestration (CONN-5 in full) and reconnect clearing stale artifacts (CONN-9 fixed).</summary>
[Collection(ProcessCollection.Name)]
public sealed class DisconnectTests : IClassFixture<WorkflowServerFixture>
{
    private readonly WorkflowServerFixture _fixture;

    public DisconnectTests(WorkflowServerFixture fixture) => _fixture = fixture;

    private HttpClient Http => _fixture.Http;

    [Fact]
    public async Task Disconnect_erases_credentials_drops_the_catalog_marks_every_artifact_stale_and_a_regenerated_version_clears_it()
    {
        var tenant = "org_dc_" + Guid.NewGuid().ToString("N")[..10];
        var connectionId = ConnectionStore.IdFor(tenant);
        var (setup, _) = await Http.SendAsync(HttpMethod.Post, "api/v1/admin/setup-tester-org", tenant, "admin", "{}");
        Assert.Equal(200, setup);
        var (built, _) = await Http.SendAsync(HttpMethod.Post, $"api/v1/workflows/dashboard?org_id={tenant}", tenant, "member");
        Assert.Equal(200, built);
        var artifacts = await _fixture.Storage.Artifacts.ListAsync(tenant, null, CancellationToken.None);
        Assert.NotEmpty(artifacts);
        Assert.All(artifacts, a => Assert.False(a.Stale));

        var (status, body) = await Http.SendAsync(HttpMethod.Post, $"api/v1/connectors/{connectionId}/disconnect?org_id={tenant}", tenant, "admin");

        Assert.Equal(200, status);
        Assert.Equal("disconnected", body!["status"]!.GetValue<string>());
        Assert.Equal(connectionId, body["connection_id"]!.GetValue<string>());
        Assert.True(body["catalog_rows_deleted"]!.GetValue<long>() > 0);
        Assert.Equal(artifacts.Count, body["artifacts_marked_stale"]!.GetValue<long>());
        foreach (var key in new[] { "cache_entries_purged", "cancelled_active_workflows", "cancelled_queued_workflows" })
        {
            Assert.NotNull(body[key]);
        }

        var connection = await new ConnectionStore(_fixture.Storage.Tables, new CredentialProtector(Convert.FromBase64String(ServerProcess.SharedKey)), TimeProvider.System)
            .GetAsync(tenant, connectionId, CancellationToken.None);
        Assert.Equal((ConnectionStatus.Disconnected, false), (connection!.Status, connection.HasCredentials));
        Assert.Empty(await _fixture.Storage.Catalog.ListTablesAsync(tenant, CancellationToken.None));
        Assert.All(await _fixture.Storage.Artifacts.ListAsync(tenant, null, CancellationToken.None), a => Assert.True(a.Stale));
        Assert.Single(await _fixture.Storage.Audit.ListAsync(tenant, "connector_disconnected", 10, CancellationToken.None));

        // Reconnect and regenerate: the new versions are built from the warehouse as it is now, so they are not stale.
        var (reconnected, _) = await Http.SendAsync(HttpMethod.Post, "api/v1/connectors/bigquery", tenant, "admin", new JsonObject { ["org_id"] = tenant }.ToJsonString());
        Assert.Equal(200, reconnected);
        var (rebuilt, _) = await Http.SendAsync(HttpMethod.Post, $"api/v1/workflows/dashboard?org_id={tenant}", tenant, "member");
        Assert.Equal(200, rebuilt);
        var regenerated = await _fixture.Storage.Artifacts.ListAsync(tenant, ArtifactTypes.Dashboard, CancellationToken.None);
        Assert.NotEmpty(regenerated);
        Assert.All(regenerated, a => Assert.True(a.Version >= 2 && !a.Stale, $"{a.ArtifactId} v{a.Version} stale={a.Stale}"));
    }

    [Fact]
    public async Task Disconnect_of_an_unknown_or_foreign_connection_is_not_found_and_changes_nothing()
    {
        var tenant = "org_dcn_" + Guid.NewGuid().ToString("N")[..10];
        var other = "org_dco_" + Guid.NewGuid().ToString("N")[..10];
        var (connected, _) = await Http.SendAsync(HttpMethod.Post, "api/v1/connectors/bigquery", other, "admin", new JsonObject { ["org_id"] = other }.ToJsonString());
        Assert.Equal(200, connected);

        var (status, body) = await Http.SendAsync(HttpMethod.Post, $"api/v1/connectors/{ConnectionStore.IdFor(other)}/disconnect?org_id={tenant}", tenant, "admin");

        Assert.Equal(200, status);
        Assert.Equal("not_found", body!["status"]!.GetValue<string>());
        var connection = await new ConnectionStore(_fixture.Storage.Tables, new CredentialProtector(Convert.FromBase64String(ServerProcess.SharedKey)), TimeProvider.System)
            .GetAsync(other, ConnectionStore.IdFor(other), CancellationToken.None);
        Assert.Equal(ConnectionStatus.Active, connection!.Status);
    }
}
