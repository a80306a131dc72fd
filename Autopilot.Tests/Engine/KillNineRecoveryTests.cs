using System.Diagnostics;
using System.Text.Json.Nodes;
using Autopilot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Autopilot.Tests.Engine;

/// <summary>Durability: a server killed with SIGKILL mid-activity; a restarted one finishes the work once.</summary>
[Collection(SecondProcessCollection.Name)]
public sealed class KillNineRecoveryTests
{
    private static readonly Dictionary<string, string> SlowSteps = new() { ["AUTOPILOT_TEST_STEP_DELAY_MS"] = "2000" };
    private readonly ITestOutputHelper _output;

    public KillNineRecoveryTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Profile_killed_mid_activity_completes_within_30s_of_restart_without_rerunning_completed_steps()
    {
        var hub = TestEnvironment.NewHubName("kill");
        var tenant = "org_kill_" + Guid.NewGuid().ToString("N")[..8];
        string workflowId;

        await using (var first = new ServerProcess(hub, SharedDemoWarehouse.Path, SlowSteps))
        {
            await first.StartAsync();
            using var http = first.CreateClient();
            var (status, started) = await http.SendAsync(HttpMethod.Post, $"api/v1/workflows/profile?org_id={tenant}&wait_seconds=0", tenant, "member");
            Assert.Equal(202, status);
            workflowId = started!["workflow_id"]!.GetValue<string>();

            // Kill while profile_tables runs: introspection has completed, the batch activity is in flight.
            await WaitForStepAsync(http, tenant, workflowId, "profile_tables", "running", TimeSpan.FromSeconds(60));
            first.Kill();
        }

        var restart = Stopwatch.StartNew();
        await using var second = new ServerProcess(hub, SharedDemoWarehouse.Path, SlowSteps);
        await second.StartAsync();
        using var client = second.CreateClient();
        var done = await client.WaitForRunAsync(tenant, workflowId, TimeSpan.FromSeconds(90));
        var recovery = restart.Elapsed;
        _output.WriteLine($"kill -9 recovery: workflow finished {recovery.TotalSeconds:F1} s after the restart began");

        Assert.Equal("success", done["status"]!.GetValue<string>());
        Assert.True(recovery < TimeSpan.FromSeconds(30), $"recovered in {recovery.TotalSeconds:F1} s");

        var attempts = done["steps"]!.AsArray().ToDictionary(s => s!["step"]!.GetValue<string>(), s => s!["attempts"]!.GetValue<int>());
        Assert.Equal(1, attempts["introspect_schemas"]);
        Assert.InRange(attempts["profile_tables"], 1, 2); // at-least-once: the killed attempt may run again, once
        Assert.Equal(1, attempts["detect_pii"]);
        Assert.Equal(1, attempts["store_catalog"]);

        var store = new StorageFactory(hub);
        var audit = await store.Audit.ListAsync(tenant, "workflow_run", 100, CancellationToken.None);
        Assert.Single(audit);
        var tables = await store.Catalog.ListTablesAsync(tenant, CancellationToken.None);
        Assert.Equal(tables.Count, tables.Select(t => t.Table).Distinct().Count());
        Assert.NotEmpty(tables);
    }

    internal static async Task WaitForStepAsync(HttpClient http, string tenant, string workflowId, string step, string stepStatus, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        JsonNode? last = null;
        while (clock.Elapsed < timeout)
        {
            var (_, body) = await http.SendAsync(HttpMethod.Get, $"api/v1/workflows/{workflowId}/status?org_id={tenant}", tenant, "member");
            last = body;
            if (body?["steps"]?.AsArray().Any(s => s!["step"]!.GetValue<string>() == step && s["status"]!.GetValue<string>() == stepStatus) == true)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"step {step} never reached {stepStatus}: {last}");
    }
}
