using Autopilot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Autopilot.Tests.Workflows;

/// <summary>A real warehouse outage (its file gone) queues profiling; when it is back, queued work runs (QUEUE-1b, 5..7).</summary>
[Collection(ProcessCollection.Name)]
public sealed class OutageTests
{
    private readonly ITestOutputHelper _output;

    public OutageTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task A_warehouse_outage_queues_profiles_with_positions_and_recovery_runs_them()
    {
        var dir = Directory.CreateTempSubdirectory("autopilot-outage-").FullName;
        var path = Path.Combine(dir, "demo.duckdb");
        File.Copy(SharedDemoWarehouse.Path, path);
        var hub = TestEnvironment.NewHubName("out");
        await using var server = new ServerProcess(hub, path, new Dictionary<string, string>(WorkflowServerFixture.Settings));
        await server.StartAsync();
        using var http = server.CreateClient();
        var tenant = FaultTests.NewTenant("outage");

        File.Move(path, path + ".away");
        await Task.Delay(TimeSpan.FromSeconds(2.5)); // the readiness probe result is cached for 2 s
        var (status1, first) = await http.SendAsync(HttpMethod.Post, $"api/v1/workflows/profile?org_id={tenant}", tenant, "member");
        var (status2, second) = await http.SendAsync(HttpMethod.Post, $"api/v1/workflows/profile?org_id={tenant}", tenant, "member");
        var (_, ready) = await http.SendAsync(HttpMethod.Get, "ready", null, null);
        await Task.Delay(1000);
        var (_, queue) = await http.SendAsync(HttpMethod.Get, $"api/v1/workflows/queue?org_id={tenant}", tenant, "member");

        Assert.Equal((200, 200), (status1, status2));
        Assert.Equal(("queued", "warehouse_unavailable", 1), (first!["workflow_status"]!.GetValue<string>(), first["reason"]!.GetValue<string>(), first["queue_position"]!.GetValue<int>()));
        Assert.Equal(2, second!["queue_position"]!.GetValue<int>());
        Assert.False(ready!["checks"]!["warehouse"]!["ok"]!.GetValue<bool>());
        Assert.Equal([1, 2], queue!["items"]!.AsArray().Select(i => i!["position"]!.GetValue<int>()));
        Assert.All(queue["items"]!.AsArray(), i => Assert.Equal("warehouse_unavailable", i!["reason"]!.GetValue<string>()));

        var (processStatus, processed) = await http.SendAsync(HttpMethod.Post, $"api/v1/workflows/process-queue?org_id={tenant}", tenant, "member");
        Assert.Equal(200, processStatus);
        Assert.Equal((0, 2, 2), (processed!["processed"]!.GetValue<int>(), processed["skipped"]!.GetValue<int>(), processed["queued_total"]!.GetValue<int>()));

        File.Move(path + ".away", path);
        var recovered = System.Diagnostics.Stopwatch.StartNew();
        var done1 = await http.WaitForRunAsync(tenant, first["workflow_id"]!.GetValue<string>(), TimeSpan.FromSeconds(60));
        var done2 = await http.WaitForRunAsync(tenant, second["workflow_id"]!.GetValue<string>(), TimeSpan.FromSeconds(60));
        _output.WriteLine($"queued profiles finished {recovered.Elapsed.TotalSeconds:F1} s after the warehouse came back");

        Assert.Equal(("success", "success"), (done1["status"]!.GetValue<string>(), done2["status"]!.GetValue<string>()));
        var (_, empty) = await http.SendAsync(HttpMethod.Get, $"api/v1/workflows/queue?org_id={tenant}", tenant, "member");
        Assert.Empty(empty!["items"]!.AsArray());
    }
}
