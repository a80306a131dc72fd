using System.Security.Cryptography;
using Autopilot.Core.Connectors;
using Autopilot.Core.Storage;
using Autopilot.Tests.Infrastructure;
using Azure.Data.Tables;

namespace Autopilot.Tests.Storage;

public sealed class ConnectionStoreTests
{
    private const string Secret = """{"private_key":"-----BEGIN PRIVATE KEY-----MIIEsecret"}""";
    private readonly string _prefix = TestEnvironment.NewHubName("conn");
    private readonly TableStorage _tables;
    private readonly ConnectionStore _store;

    public ConnectionStoreTests()
    {
        _tables = new TableStorage(new StorageOptions { ConnectionString = TestEnvironment.StorageConnectionString, TablePrefix = _prefix });
        _store = new ConnectionStore(_tables, new CredentialProtector(RandomNumberGenerator.GetBytes(32)), TimeProvider.System);
    }

    [Fact]
    public async Task Credentials_are_encrypted_at_rest_and_read_back_only_for_the_owning_tenant()
    {
        await _store.ConnectAsync("org_a", "conn_org_a", "duckdb-demo", Secret, CancellationToken.None);

        var raw = (await _tables.TableAsync("Connections")).Query<TableEntity>().Single();
        Assert.DoesNotContain("secret", raw.GetString("credentials"), StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("v2:k0:", raw.GetString("credentials"), StringComparison.Ordinal);
        Assert.Equal(Secret, await _store.ReadCredentialsAsync("org_a", "conn_org_a", CancellationToken.None));
        Assert.Null(await _store.ReadCredentialsAsync("org_b", "conn_org_a", CancellationToken.None));
    }

    [Fact]
    public async Task Disconnect_erases_the_credentials_and_reconnect_keeps_the_creation_time()
    {
        var (first, created) = await _store.ConnectAsync("org_c", "conn_org_c", "duckdb-demo", Secret, CancellationToken.None);
        await _store.DisconnectAsync("org_c", "conn_org_c", CancellationToken.None);
        var afterDisconnect = await _store.GetAsync("org_c", "conn_org_c", CancellationToken.None);
        var (again, createdAgain) = await _store.ConnectAsync("org_c", "conn_org_c", "duckdb-demo", null, CancellationToken.None);

        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal(ConnectionStatus.Disconnected, afterDisconnect!.Status);
        Assert.False(afterDisconnect.HasCredentials);
        Assert.Null(await _store.ReadCredentialsAsync("org_c", "conn_org_c", CancellationToken.None));
        Assert.Equal(first.CreatedAt, again.CreatedAt);
    }

    [Fact]
    public void A_ciphertext_moved_to_another_tenant_or_tampered_does_not_decrypt()
    {
        var protector = new CredentialProtector(RandomNumberGenerator.GetBytes(32));
        var cipher = protector.Protect(Secret, "org_a", "conn_org_a");
        var tampered = cipher[..^4] + (cipher[^4] == 'A' ? "B" : "A") + cipher[^3..];

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(cipher, "org_b", "conn_org_a"));
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(tampered, "org_a", "conn_org_a"));
        Assert.Equal(Secret, protector.Unprotect(cipher, "org_a", "conn_org_a"));
    }

    [Fact]
    public async Task Tenants_connected_before_the_index_existed_are_listed_once_by_the_backfill()
    {
        await _store.ConnectAsync("org_new", "conn_org_new", "duckdb-demo", null, CancellationToken.None);
        // Rows as a build without the index wrote them: an active and a disconnected connection, no index row.
        var connections = await _tables.TableAsync("Connections");
        foreach (var (tenant, status) in new[] { ("org_old", ConnectionStatus.Active), ("org_gone", ConnectionStatus.Disconnected) })
        {
            await connections.AddEntityAsync(new TableEntity(tenant, "conn_" + tenant) { ["connection_id"] = "conn_" + tenant, ["tenant_id"] = tenant, ["status"] = status });
        }

        Assert.Equal(["org_new"], await ListedAsync());

        var added = await _store.BackfillConnectedTenantsAsync(CancellationToken.None);
        await _store.DisconnectAsync("org_old", "conn_org_old", CancellationToken.None);
        var again = await _store.BackfillConnectedTenantsAsync(CancellationToken.None);

        Assert.Equal(2, added);
        Assert.Equal(0, again); // once per store: a later disconnect is not undone by a second pass
        Assert.Equal(["org_new"], await ListedAsync());
    }

    private async Task<List<string>> ListedAsync()
    {
        var listed = new List<string>();
        await foreach (var tenant in _store.ConnectedTenantsAsync(CancellationToken.None))
        {
            listed.Add(tenant);
        }

        return listed.Order(StringComparer.Ordinal).ToList();
    }
}
