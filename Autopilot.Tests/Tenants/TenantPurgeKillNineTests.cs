using System.Diagnostics;
using System.Text.Json.Nodes;
using Autopilot.Core.Storage;
using Autopilot.Core.Tenants.Purge;
using Autopilot.Tests.Infrastructure;
using Azure.Data.Tables;
using Xunit.Abstractions;

namespace Autopilot.Tests.Tenants;

/// <summary>
/// Durability of a purge: the server is killed with SIGKILL while it empties a store (slowed deterministically: many rows,
/// small pages); until a restarted server finishes, the tenant's routes answer 409, and afterwards nothing of it remains.
/// </summary>
[Collection(SecondProcessCollection.Name)]
public sealed class TenantPurgeKillNineTests
{
    private const int FeedbackRows = 1_500;
    private readonly ITestOutputHelper _output;

    public TenantPurgeKillNineTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task A_purge_killed_mid_store_resumes_after_restart_blocks_the_tenant_meanwhile_and_verifies_all_zero()
    {
        var environment = new Dictionary<string, string> { ["PURGE_PAGE_SIZE"] = "5" };
        var hub = TestEnvironment.NewHubName("purgekill");
        var tenant = "org_pk_" + Guid.NewGuid().ToString("N")[..10];
        var storage = new StorageFactory(hub);
        var markers = new TenantPurgeMarkers(storage.Tables);

        await using (var first = new ServerProcess(hub, SharedDemoWarehouse.Path, environment))
        {
            await first.StartAsync();
            using var http = first.CreateClient();
            var (connected, _) = await http.SendAsync(HttpMethod.Post, "api/v1/connectors/bigquery", tenant, "admin", new JsonObject { ["org_id"] = tenant }.ToJsonString());
            Assert.Equal(200, connected);
            await AddFeedbackRowsAsync(storage.Tables, tenant);

            var (status, started) = await http.SendAsync(HttpMethod.Post, "api/v1/tenants/purge?wait_seconds=0", tenant, "admin", TenantPurgeTests.Body(tenant, "true"));
            Assert.Equal(202, status);
            Assert.Equal("purging", started!["status"]!.GetValue<string>());

            // Kill while the feedback store is half empty: pages before it are done, pages after it not begun.
            await WaitUntilAsync(async () => await CountFeedbackAsync(storage.Tables, tenant) is > 0 and < FeedbackRows - 50, TimeSpan.FromMinutes(3), "the purge never reached the feedback store");
            first.Kill();
        }

        var leftAtKill = await CountFeedbackAsync(storage.Tables, tenant);
        _output.WriteLine($"killed with {leftAtKill} of {FeedbackRows} feedback rows left");
        Assert.InRange(leftAtKill, 1, FeedbackRows - 1);
        Assert.Equal(TenantPurgeStatus.Purging, (await markers.GetAsync(TenantPurgeMarkers.KeyFor(tenant), CancellationToken.None))!.Status);

        var restart = Stopwatch.StartNew();
        await using var second = new ServerProcess(hub, SharedDemoWarehouse.Path, environment);
        await second.StartAsync();
        using var client = second.CreateClient();

        // A half-purged tenant never looks whole: while the marker says purging, its routes refuse.
        var before = (await markers.GetAsync(TenantPurgeMarkers.KeyFor(tenant), CancellationToken.None))!.Status;
        var (during, refusal) = await client.SendAsync(HttpMethod.Get, $"api/v1/workflows/runs?org_id={tenant}", tenant, "member");
        var after = (await markers.GetAsync(TenantPurgeMarkers.KeyFor(tenant), CancellationToken.None))!.Status;
        if (before == TenantPurgeStatus.Purging && after == TenantPurgeStatus.Purging)
        {
            Assert.Equal(409, during);
            Assert.Equal("tenant_purge_in_progress", refusal!["detail"]!["status"]!.GetValue<string>());
        }

        await WaitUntilAsync(async () => (await markers.GetAsync(TenantPurgeMarkers.KeyFor(tenant), CancellationToken.None))!.Status != TenantPurgeStatus.Purging,
            TimeSpan.FromMinutes(4), "the purge did not finish after the restart");
        _output.WriteLine($"purge finished {restart.Elapsed.TotalSeconds:F1} s after the restart began");

        var marker = (await markers.GetAsync(TenantPurgeMarkers.KeyFor(tenant), CancellationToken.None))!;
        Assert.Equal(TenantPurgeStatus.Purged, marker.Status);
        Assert.Null(marker.TenantId);
        var result = JsonNode.Parse(marker.ResultJson!)!;
        Assert.All(result["remaining"]!.AsObject(), r => Assert.Equal(0, r.Value!.GetValue<long>()));
        // Pages are checkpointed: what both processes removed adds up to the store (a page re-run after the kill removes nothing twice).
        Assert.InRange(result["deleted"]!["feedback"]!.GetValue<long>(), FeedbackRows - 5, FeedbackRows);
        Assert.Empty(await TenantFootprint.FindAsync(hub, tenant));
        var (afterwards, _) = await client.SendAsync(HttpMethod.Get, $"api/v1/workflows/runs?org_id={tenant}", tenant, "member");
        Assert.Equal(200, afterwards);
    }

    private static async Task AddFeedbackRowsAsync(TableStorage tables, string tenant)
    {
        var table = await tables.TableAsync("Feedback");
        for (var chunk = 0; chunk < FeedbackRows / TableBatch.MaxActions; chunk++)
        {
            var actions = Enumerable.Range(chunk * TableBatch.MaxActions, TableBatch.MaxActions)
                .Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(TableKey.Escape(tenant), $"fb_{i:D12}")
                {
                    ["id"] = $"fb_{i:D12}", ["tenant_id"] = tenant, ["feedback_type"] = "positive", ["artifact_id"] = "chat_1", ["artifact_version"] = 1,
                }))
                .ToList();
            await TableBatch.SubmitAtomicAsync(table, actions, CancellationToken.None);
        }
    }

    private static async Task<int> CountFeedbackAsync(TableStorage tables, string tenant)
    {
        var table = await tables.TableAsync("Feedback");
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Escape(tenant)}"), select: ["RowKey"]))
        {
            count++;
        }

        return count;
    }

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
