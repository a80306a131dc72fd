using System.Security.Cryptography;
using Autopilot.Core.Connectors;
using Autopilot.Core.Storage;
using Autopilot.Tests.Infrastructure;
using Azure.Data.Tables;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Autopilot.Tests.Connectors;

/// <summary>The re-encrypt pass on the real engine (in-process, Azurite): many pages, continue-as-new, a worker stopped mid-pass.</summary>
[Collection(ProcessCollection.Name)]
public sealed class CredentialReencryptOrchestrationTests
{
    private const int Tenants = CredentialReencryptOrchestration.PagesPerGeneration + 12;

    [Fact]
    public async Task A_pass_over_every_tenant_continues_as_new_and_resumes_on_another_worker_after_the_first_stops()
    {
        var hub = TestEnvironment.NewHubName("rekeyorch");
        var k0 = RandomNumberGenerator.GetBytes(32);
        var k1 = RandomNumberGenerator.GetBytes(32);
        var tables = new TableStorage(new StorageOptions { ConnectionString = TestEnvironment.StorageConnectionString, TablePrefix = hub });
        var before = new ConnectionStore(tables, new CredentialProtector(new CredentialKeyRing("k0", k0)), TimeProvider.System);
        var tenants = Enumerable.Range(0, Tenants).Select(i => $"org_pass_{i:D3}").ToList();
        await Task.WhenAll(tenants.Select(t => before.ConnectAsync(t, ConnectionStore.IdFor(t), "duckdb-demo", $$"""{"private_key":"{{t}}"}""", CancellationToken.None)));
        var settings = new Dictionary<string, string?>
        {
            ["TASKHUB_NAME"] = hub,
            [CredentialKeyRing.KeySetting] = Convert.ToBase64String(k1),
            [CredentialKeyRing.KeyIdSetting] = "k1",
            [CredentialKeyRing.OldKeysSetting] = "k0:" + Convert.ToBase64String(k0),
        };
        var instanceId = "reenc_test_" + Guid.NewGuid().ToString("N")[..8];

        // First worker: start the pass one row per page, and stop the worker once a few rows moved.
        await using (var first = await InProcessEngine.StartAsync("rekeyorch", settings))
        {
            await first.Client.ScheduleNewOrchestrationInstanceAsync(
                nameof(CredentialReencryptOrchestration), new CredentialReencryptInput(null, "k1", PageSize: 1), new StartOrchestrationOptions(instanceId));
            await WaitUntilAsync(async () => await CountOnAsync(tables, "v2:k1:") >= 5, TimeSpan.FromSeconds(60));
        }

        var movedWhenStopped = await CountOnAsync(tables, "v2:k1:");
        await using var second = await InProcessEngine.StartAsync("rekeyorch", settings);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        var done = await second.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.InRange(movedWhenStopped, 5, Tenants - 1);
        Assert.Equal(Tenants, await CountOnAsync(tables, "v2:k1:"));
        var result = done.ReadOutputAs<CredentialReencryptResult>()!;
        Assert.True(result.Pages > CredentialReencryptOrchestration.PagesPerGeneration, $"{result.Pages} pages: the totals were carried across continue-as-new");
        Assert.Empty(result.Unreadable);

        // Every credential reads back with the new key alone.
        var onlyNew = new ConnectionStore(tables, new CredentialProtector(new CredentialKeyRing("k1", k1)), TimeProvider.System);
        foreach (var tenant in tenants)
        {
            Assert.Equal($$"""{"private_key":"{{tenant}}"}""", await onlyNew.ReadCredentialsAsync(tenant, ConnectionStore.IdFor(tenant), CancellationToken.None));
        }
    }

    private static async Task<int> CountOnAsync(TableStorage tables, string prefix)
    {
        var table = await tables.TableAsync("Connections");
        var count = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(select: ["credentials"]))
        {
            count += row.GetString("credentials")?.StartsWith(prefix, StringComparison.Ordinal) == true ? 1 : 0;
        }

        return count;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < timeout, "the pass made no progress");
            await Task.Delay(50);
        }
    }
}
