using System.Diagnostics;
using System.Text.Json.Nodes;
using Autopilot.Core.Artifacts;
using Autopilot.Core.Connectors;
using Autopilot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Autopilot.Tests.Connectors;

/// <summary>
/// Durability of a disconnect: the server is killed with SIGKILL while it marks artifacts stale (slowed deterministically:
/// many artifacts, one update each); a restarted server finishes every stage, and the audit rows are written once.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class DisconnectKillNineTests
{
    private const int Artifacts = 1_200;
    private readonly ITestOutputHelper _output;

    public DisconnectKillNineTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task A_disconnect_killed_mid_stage_finishes_after_restart_with_every_artifact_stale_and_one_audit_row()
    {
        var hub = TestEnvironment.NewHubName("disckill");
        var tenant = "org_dk_" + Guid.NewGuid().ToString("N")[..10];
        var connectionId = ConnectionStore.IdFor(tenant);
        var storage = new StorageFactory(hub);
        var connections = new ConnectionStore(storage.Tables, new CredentialProtector(Convert.FromBase64String(ServerProcess.SharedKey)), TimeProvider.System);

        await using (var first = new ServerProcess(hub, SharedDemoWarehouse.Path))
        {
            await first.StartAsync();
            using var http = first.CreateClient();
            var (connected, _) = await http.SendAsync(HttpMethod.Post, "api/v1/connectors/bigquery", tenant, "admin", new JsonObject { ["org_id"] = tenant }.ToJsonString());
            Assert.Equal(200, connected);
            await Parallel.ForEachAsync(Enumerable.Range(0, Artifacts), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
                await storage.Artifacts.PublishAsync(tenant, new ArtifactDraft(ArtifactTypes.Dashboard, $"board_{i:D5}", $"build_{i:D5}", new JsonObject(), [], []), ct));

            var (status, started) = await http.SendAsync(HttpMethod.Post, $"api/v1/connectors/{connectionId}/disconnect?org_id={tenant}&wait_seconds=0", tenant, "admin");
            Assert.Equal(202, status);
            Assert.Equal("disconnecting", started!["status"]!.GetValue<string>());

            await WaitUntilAsync(async () => await StaleAsync(storage, tenant) is > 0 and < Artifacts - 100, TimeSpan.FromMinutes(3), "the disconnect never reached the stale stage");
            first.Kill();
        }

        var staleAtKill = await StaleAsync(storage, tenant);
        _output.WriteLine($"killed with {staleAtKill} of {Artifacts} artifacts marked stale");
        Assert.InRange(staleAtKill, 1, Artifacts - 1);
        Assert.Equal(ConnectionStatus.Disconnected, (await connections.GetAsync(tenant, connectionId, CancellationToken.None))!.Status);
        Assert.Empty(await storage.Audit.ListAsync(tenant, "connector_disconnected", 10, CancellationToken.None));

        var restart = Stopwatch.StartNew();
        await using var second = new ServerProcess(hub, SharedDemoWarehouse.Path);
        await second.StartAsync();
        await WaitUntilAsync(async () => (await storage.Audit.ListAsync(tenant, "connector_disconnected", 10, CancellationToken.None)).Count > 0,
            TimeSpan.FromMinutes(4), "the disconnect did not finish after the restart");
        _output.WriteLine($"disconnect finished {restart.Elapsed.TotalSeconds:F1} s after the restart began");

        Assert.Equal(Artifacts, await StaleAsync(storage, tenant));
        var audited = Assert.Single(await storage.Audit.ListAsync(tenant, "connector_disconnected", 10, CancellationToken.None));
        Assert.Equal("disconnected", audited.Payload["status"]!.GetValue<string>());
        Assert.Single(await storage.Audit.ListAsync(tenant, "connector_disconnect_requested", 10, CancellationToken.None));
        var connection = (await connections.GetAsync(tenant, connectionId, CancellationToken.None))!;
        Assert.Equal((ConnectionStatus.Disconnected, false), (connection.Status, connection.HasCredentials));
    }

    private static async Task<int> StaleAsync(StorageFactory storage, string tenant) =>
        (await storage.Artifacts.ListAsync(tenant, null, CancellationToken.None)).Count(a => a.Stale);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string failure)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail(failure);
    }
}
