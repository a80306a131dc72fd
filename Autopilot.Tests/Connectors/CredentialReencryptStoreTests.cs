using System.Security.Cryptography;
using Autopilot.Core;
using Autopilot.Core.Connectors;
using Autopilot.Core.Storage;
using Autopilot.Core.Warehouse;
using Autopilot.Core.Workflows;
using Autopilot.Tests.Infrastructure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;

namespace Autopilot.Tests.Connectors;

/// <summary>The re-encrypt pass's pages over the Connections table in Azurite, after a key rotation.</summary>
public sealed class CredentialReencryptStoreTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly byte[] _k0 = RandomNumberGenerator.GetBytes(32);
    private readonly byte[] _k1 = RandomNumberGenerator.GetBytes(32);
    private readonly TableStorage _tables = new(new StorageOptions { ConnectionString = TestEnvironment.StorageConnectionString, TablePrefix = TestEnvironment.NewHubName("rekey") });

    [Fact]
    public async Task Paging_over_every_tenant_leaves_all_credentials_on_the_new_key_and_a_second_pass_finds_nothing()
    {
        var before = new ConnectionStore(_tables, new CredentialProtector(new CredentialKeyRing("k0", _k0)), TimeProvider.System);
        var tenants = Enumerable.Range(0, 7).Select(i => $"org_rekey_{i}").ToList();
        foreach (var tenant in tenants.Take(5))
        {
            await before.ConnectAsync(tenant, ConnectionStore.IdFor(tenant), "duckdb-demo", Secret(tenant), None);
        }

        // Written before key ids existed, and one with no credentials at all.
        await WriteRawAsync(tenants[5], LegacyCiphertext.Protect(_k0, Secret(tenants[5]), tenants[5], ConnectionStore.IdFor(tenants[5])));
        await before.ConnectAsync(tenants[6], ConnectionStore.IdFor(tenants[6]), "duckdb-demo", null, None);

        var rotated = new ConnectionStore(_tables, Rotated(), TimeProvider.System);
        var first = await RunPassAsync(rotated, tenantId: null, pageSize: 2);
        var second = await RunPassAsync(rotated, tenantId: null, pageSize: 2);

        Assert.Equal(6, first.Reencrypted);
        Assert.Empty(first.Unreadable);
        Assert.True(first.Pages >= 3, $"{first.Pages} pages");
        Assert.Equal(0, second.Reencrypted);

        // Only the new key is needed now: the old one can be dropped from the settings.
        var onlyNew = new ConnectionStore(_tables, new CredentialProtector(new CredentialKeyRing("k1", _k1)), TimeProvider.System);
        foreach (var tenant in tenants.Take(6))
        {
            Assert.StartsWith("v2:k1:", await RawCredentialsAsync(tenant), StringComparison.Ordinal);
            Assert.Equal(Secret(tenant), await onlyNew.ReadCredentialsAsync(tenant, ConnectionStore.IdFor(tenant), None));
        }

        Assert.Null(await RawCredentialsAsync(tenants[6]));
    }

    [Fact]
    public async Task A_tenant_pass_touches_only_that_tenant_and_reports_a_key_it_lacks_without_failing()
    {
        var before = new ConnectionStore(_tables, new CredentialProtector(new CredentialKeyRing("k0", _k0)), TimeProvider.System);
        var lost = new ConnectionStore(_tables, new CredentialProtector(new CredentialKeyRing("lost", RandomNumberGenerator.GetBytes(32))), TimeProvider.System);
        await before.ConnectAsync("org_mine", "conn_org_mine", "duckdb-demo", Secret("org_mine"), None);
        await before.ConnectAsync("org_other", "conn_org_other", "duckdb-demo", Secret("org_other"), None);
        await lost.ConnectAsync("org_lost", "conn_org_lost", "duckdb-demo", Secret("org_lost"), None);
        var rotated = new ConnectionStore(_tables, Rotated(), TimeProvider.System);

        var mine = await RunPassAsync(rotated, "org_mine", pageSize: 50);
        var lostPass = await RunPassAsync(rotated, "org_lost", pageSize: 50);

        Assert.Equal(1, mine.Reencrypted);
        Assert.StartsWith("v2:k1:", await RawCredentialsAsync("org_mine"), StringComparison.Ordinal);
        Assert.StartsWith("v2:k0:", await RawCredentialsAsync("org_other"), StringComparison.Ordinal);
        Assert.Equal(0, lostPass.Reencrypted);
        Assert.Equal(["org_lost/conn_org_lost: key id 'lost'"], lostPass.Unreadable);
        Assert.StartsWith("v2:lost:", await RawCredentialsAsync("org_lost"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_live_connection_whose_key_id_is_not_configured_fails_its_step_with_a_clear_reason()
    {
        var lost = new ConnectionStore(_tables, new CredentialProtector(new CredentialKeyRing("lost", RandomNumberGenerator.GetBytes(32))), TimeProvider.System);
        await lost.ConnectAsync("org_live", "conn_org_live", WarehouseResolver.BigQueryWarehouseKind, Secret("org_live"), None);
        var options = new ServiceOptions { BigQueryProjectId = "autopilot-test" };
        var resolver = new WarehouseResolver(new ConnectionStore(_tables, Rotated(), TimeProvider.System), null!, options, TimeProvider.System, NullLoggerFactory.Instance);

        var error = await Assert.ThrowsAsync<WorkflowStepException>(() => resolver.ForConnectionAsync("org_live", "conn_org_live", None));

        Assert.Equal(FailureClass.PermissionDenied, error.Failure);
        Assert.Contains("key id 'lost'", error.Message, StringComparison.Ordinal);
        Assert.Contains(CredentialKeyRing.OldKeysSetting, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("private_key", error.ToString(), StringComparison.Ordinal);
    }

    private CredentialProtector Rotated() => new(new CredentialKeyRing("k1", _k1, new Dictionary<string, byte[]> { ["k0"] = _k0 }));

    private static string Secret(string tenant) => $$"""{"type":"service_account","private_key":"-----BEGIN PRIVATE KEY-----\nMII{{tenant}}\n-----END PRIVATE KEY-----\n"}""";

    private static async Task<CredentialReencryptResult> RunPassAsync(ConnectionStore store, string? tenantId, int pageSize)
    {
        // What the orchestration does, page by page, without the engine (its loop is the same few lines).
        var total = new CredentialReencryptResult("k1", 0, 0, 0, []);
        string? continuation = null;
        do
        {
            var page = await store.ReencryptPageAsync(new ReencryptPageInput(tenantId, "k1", continuation, pageSize), None);
            total = total.Add(page);
            continuation = page.Continuation;
        }
        while (continuation is not null);

        return total;
    }

    private async Task WriteRawAsync(string tenant, string credentials)
    {
        var table = await _tables.TableAsync("Connections");
        var now = TimeProvider.System.GetUtcNow();
        await table.UpsertEntityAsync(new TableEntity(TableKey.Escape(tenant), TableKey.Escape(ConnectionStore.IdFor(tenant)))
        {
            ["connection_id"] = ConnectionStore.IdFor(tenant),
            ["tenant_id"] = tenant,
            ["kind"] = "bigquery",
            ["status"] = ConnectionStatus.Active,
            ["warehouse"] = "duckdb-demo",
            ["credentials"] = credentials,
            ["created_at"] = now,
            ["updated_at"] = now,
        });
    }

    private async Task<string?> RawCredentialsAsync(string tenant)
    {
        var table = await _tables.TableAsync("Connections");
        var row = await table.GetEntityAsync<TableEntity>(TableKey.Escape(tenant), TableKey.Escape(ConnectionStore.IdFor(tenant)));
        return row.Value.GetString("credentials");
    }
}
