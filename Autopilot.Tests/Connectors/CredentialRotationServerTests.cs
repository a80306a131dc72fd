using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Autopilot.Core.Connectors;
using Autopilot.Core.Storage;
using Autopilot.Tests.Infrastructure;
using Azure.Data.Tables;

namespace Autopilot.Tests.Connectors;

/// <summary>A key rotation end to end: restart with a new current key, old credentials still work, the admin route moves them.</summary>
[Collection(ProcessCollection.Name)]
public sealed class CredentialRotationServerTests
{
    [Fact]
    public async Task After_a_restart_with_a_new_key_the_reencrypt_route_moves_a_tenants_credentials_onto_it()
    {
        var hub = TestEnvironment.NewHubName("rot");
        var tenant = "org_rot_" + Guid.NewGuid().ToString("N")[..8];
        var other = "org_rot_other_" + Guid.NewGuid().ToString("N")[..8];
        var secret = new JsonObject { ["type"] = "service_account", ["private_key"] = "-----BEGIN PRIVATE KEY-----\nMIIrotation\n-----END PRIVATE KEY-----\n" };
        await using (var before = new ServerProcess(hub, SharedDemoWarehouse.Path))
        {
            await before.StartAsync();
            using var http = before.CreateClient();
            foreach (var org in new[] { tenant, other })
            {
                var (connected, _) = await http.SendAsync(HttpMethod.Post, "api/v1/connectors/bigquery", org, "admin", new JsonObject { ["org_id"] = org, ["service_account_json"] = secret.DeepClone() }.ToJsonString());
                Assert.Equal(200, connected);
            }
        }

        var newKey = RandomNumberGenerator.GetBytes(32);
        await using var after = new ServerProcess(hub, SharedDemoWarehouse.Path, new Dictionary<string, string>
        {
            [CredentialKeyRing.KeySetting] = Convert.ToBase64String(newKey),
            [CredentialKeyRing.KeyIdSetting] = "k1",
            [CredentialKeyRing.OldKeysSetting] = $"k0:{ServerProcess.SharedKey}",
        });
        await after.StartAsync();
        using var client = after.CreateClient();

        var (memberStatus, _) = await client.SendAsync(HttpMethod.Post, $"api/v1/connectors/reencrypt?org_id={tenant}", tenant, "member");
        var (status, first) = await client.SendAsync(HttpMethod.Post, $"api/v1/connectors/reencrypt?org_id={tenant}", tenant, "admin");
        var (_, again) = await client.SendAsync(HttpMethod.Post, $"api/v1/connectors/reencrypt?org_id={tenant}", tenant, "admin");

        Assert.Equal(403, memberStatus);
        Assert.Equal(200, status);
        Assert.Equal("completed", first!["status"]!.GetValue<string>());
        Assert.Equal("k1", first["key_id"]!.GetValue<string>());
        Assert.Equal(1, first["reencrypted"]!.GetValue<int>());
        Assert.Equal(0, again!["reencrypted"]!.GetValue<int>());

        // The tenant's row is on k1 and needs only k1; the other tenant's still on k0 (its own admin moves it).
        var tables = new StorageFactory(hub).Tables;
        var onlyNew = new ConnectionStore(tables, new CredentialProtector(new CredentialKeyRing("k1", newKey)), TimeProvider.System);
        Assert.StartsWith("v2:k1:", await RawAsync(tables, tenant), StringComparison.Ordinal);
        Assert.Equal(secret.ToJsonString(), await onlyNew.ReadCredentialsAsync(tenant, ConnectionStore.IdFor(tenant), CancellationToken.None));
        Assert.StartsWith("v2:k0:", await RawAsync(tables, other), StringComparison.Ordinal);
        var requested = await new StorageFactory(hub).Audit.ListAsync(tenant, "credentials_reencrypt_requested", 10, CancellationToken.None);
        Assert.Equal(2, requested.Count);
        Assert.All(requested, e => Assert.Equal("k1", e.Payload["key_id"]!.GetValue<string>()));
    }

    private static async Task<string> RawAsync(TableStorage tables, string tenant)
    {
        var table = await tables.TableAsync("Connections");
        var row = await table.GetEntityAsync<TableEntity>(TableKey.Escape(tenant), TableKey.Escape(ConnectionStore.IdFor(tenant)));
        return row.Value.GetString("credentials");
    }
}
