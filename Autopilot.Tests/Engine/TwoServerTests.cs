using Autopilot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Autopilot.Tests.Engine;

/// <summary>Two server replicas on one task hub share the work and never do it twice.</summary>
[Collection(SecondProcessCollection.Name)]
public sealed class TwoServerTests
{
    private readonly ITestOutputHelper _output;

    public TwoServerTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Twenty_profiles_started_across_two_servers_complete_exactly_once_with_work_on_both()
    {
        var hub = TestEnvironment.NewHubName("two");
        var slow = new Dictionary<string, string> { ["AUTOPILOT_TEST_STEP_DELAY_MS"] = "200" };
        await using var a = new ServerProcess(hub, SharedDemoWarehouse.Path, slow);
        await using var b = new ServerProcess(hub, SharedDemoWarehouse.Path, slow);
        await Task.WhenAll(a.StartAsync(), b.StartAsync());
        using var httpA = a.CreateClient();
        using var httpB = b.CreateClient();

        var started = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            var tenant = $"org_two_{i}_{Guid.NewGuid():N}"[..20];
            var http = i % 2 == 0 ? httpA : httpB;
            var (status, body) = await http.SendAsync(HttpMethod.Post, $"api/v1/workflows/profile?org_id={tenant}&wait_seconds=0", tenant, "member");
            Assert.Equal(202, status);
            return (tenant, workflowId: body!["workflow_id"]!.GetValue<string>());
        }));

        var finished = await Task.WhenAll(started.Select(s => httpA.WaitForRunAsync(s.tenant, s.workflowId, TimeSpan.FromSeconds(240))));

        Assert.All(finished, f => Assert.Equal("success", f["status"]!.GetValue<string>()));
        var steps = finished.SelectMany(f => f["steps"]!.AsArray()).ToList();
        Assert.All(steps, s => Assert.Equal(1, s!["attempts"]!.GetValue<int>()));
        var workers = steps.Select(s => s!["executed_by"]!.GetValue<string>()).Distinct().ToList();
        _output.WriteLine($"steps executed by: {string.Join(", ", workers.Select(w => $"{w} ({steps.Count(s => s!["executed_by"]!.GetValue<string>() == w)})"))}");
        Assert.Equal(2, workers.Count);

        var store = new StorageFactory(hub);
        foreach (var (tenant, _) in started)
        {
            Assert.Single(await store.Audit.ListAsync(tenant, "workflow_run", 10, CancellationToken.None));
        }
    }
}
