using System.Diagnostics;
using Autopilot.Core.Admission;
using Autopilot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Autopilot.Tests.Workflows;

/// <summary>Per-tenant caps across replicas, the durable queue, and crashes during admission (issue 4).</summary>
[Collection(ProcessCollection.Name)]
public sealed class AdmissionTests
{
    private readonly ITestOutputHelper _output;

    public AdmissionTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Ten_workflows_on_two_replicas_never_exceed_three_running_queue_seven_with_positions_and_all_finish_once()
    {
        var hub = TestEnvironment.NewHubName("adm");
        var settings = new Dictionary<string, string>(WorkflowServerFixture.Settings);
        await using var a = new ServerProcess(hub, SharedDemoWarehouse.Path, settings);
        await using var b = new ServerProcess(hub, SharedDemoWarehouse.Path, settings);
        await Task.WhenAll(a.StartAsync(), b.StartAsync());
        using var httpA = a.CreateClient();
        using var httpB = b.CreateClient();
        var storage = new StorageFactory(hub);
        var admission = new AdmissionStore(storage.Tables, new PendingWorkIndex(storage.Tables, TimeProvider.System), TimeProvider.System);
        var tenant = FaultTests.NewTenant("cap");

        var clock = Stopwatch.StartNew();
        var starts = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            FaultTests.StartAsync(i % 2 == 0 ? httpA : httpB, tenant, FaultTests.Body(3, 400), waitSeconds: 0)));
        _output.WriteLine($"10 concurrent triggers answered in {clock.ElapsedMilliseconds} ms");

        var running = starts.Count(s => s.Status == 202);
        var queued = starts.Where(s => s.Status == 200).Select(s => s.Body!).ToList();
        Assert.Equal(3, running);
        Assert.Equal(7, queued.Count);
        Assert.All(queued, q => Assert.Equal(("queued", "concurrency_limit"), (q["workflow_status"]!.GetValue<string>(), q["reason"]!.GetValue<string>())));
        Assert.Equal(Enumerable.Range(1, 7), queued.Select(q => q["queue_position"]!.GetValue<int>()).Order());

        var ids = starts.Select(s => s.Body!["workflow_id"]!.GetValue<string>()).ToList();
        var maxRunning = 0;
        var positionsSeen = new List<int>();
        while (clock.Elapsed < TimeSpan.FromSeconds(120))
        {
            maxRunning = Math.Max(maxRunning, (await admission.ListRunningAsync(tenant, CancellationToken.None)).Count);
            var (_, queue) = await httpB.SendAsync(HttpMethod.Get, $"api/v1/workflows/queue?org_id={tenant}", tenant, "member");
            var items = queue!["items"]!.AsArray();
            Assert.Equal(Enumerable.Range(1, items.Count), items.Select(i => i!["position"]!.GetValue<int>()));
            positionsSeen.Add(items.Count);
            var runs = await storage.Runs.ListAsync(tenant, null, null, CancellationToken.None);
            if (runs.Count(r => r.Status == "success") == 10)
            {
                break;
            }

            await Task.Delay(150);
        }

        _output.WriteLine($"queue drained in {clock.Elapsed.TotalSeconds:F1} s; queue lengths seen: {string.Join(",", positionsSeen.Distinct())}");
        var finished = await storage.Runs.ListAsync(tenant, null, null, CancellationToken.None);
        Assert.Equal(10, finished.Count(r => r.Status == "success"));
        Assert.InRange(maxRunning, 1, 3);

        // No instant with more than 3 admitted-and-unfinished runs, from the runs' own admission and finish times.
        var edges = finished.SelectMany(r => new[] { (At: r.AdmittedAt!.Value, Delta: 1), (At: r.FinishedAt!.Value, Delta: -1) })
            .OrderBy(e => e.At).ThenBy(e => e.Delta);
        var (current, peak) = (0, 0);
        foreach (var edge in edges)
        {
            current += edge.Delta;
            peak = Math.Max(peak, current);
        }

        Assert.Equal(3, peak);
        foreach (var id in ids)
        {
            var steps = await storage.Steps.ListAsync(tenant, id, CancellationToken.None);
            Assert.All(steps, s => Assert.Equal(1, s.Attempts));
        }

        Assert.Equal(10, (await storage.Audit.ListAsync(tenant, "workflow_run", 100, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Killing_a_server_during_admission_and_with_work_queued_loses_nothing_and_admits_nothing_twice()
    {
        var hub = TestEnvironment.NewHubName("admkill");
        var settings = new Dictionary<string, string>(WorkflowServerFixture.Settings) { ["PER_ORG_MAX_WORKFLOWS"] = "1" };
        var tenant = FaultTests.NewTenant("akill");
        var storage = new StorageFactory(hub);
        var acknowledged = new List<string>();

        await using (var first = new ServerProcess(hub, SharedDemoWarehouse.Path, settings))
        {
            await first.StartAsync();
            using var http = first.CreateClient();
            for (var i = 0; i < 4; i++)
            {
                var (_, body) = await FaultTests.StartAsync(http, tenant, FaultTests.Body(3, 700), waitSeconds: 0);
                acknowledged.Add(body!["workflow_id"]!.GetValue<string>());
            }

            // Requests in flight at the moment of the kill: some may be admitted, some not even recorded.
            var inFlight = Enumerable.Range(0, 4).Select(_ => FaultTests.StartAsync(http, tenant, FaultTests.Body(3, 700), waitSeconds: 0)).ToList();
            await Task.Delay(40);
            first.Kill();
            foreach (var request in inFlight)
            {
                try
                {
                    var (status, body) = await request;
                    if (status is 200 or 202)
                    {
                        acknowledged.Add(body!["workflow_id"]!.GetValue<string>());
                    }
                }
                catch (HttpRequestException)
                {
                }
            }
        }

        await using var second = new ServerProcess(hub, SharedDemoWarehouse.Path, settings);
        await second.StartAsync();
        var clock = Stopwatch.StartNew();
        IReadOnlyList<Autopilot.Core.Workflows.WorkflowRun> runs = [];
        while (clock.Elapsed < TimeSpan.FromSeconds(150))
        {
            runs = await storage.Runs.ListAsync(tenant, null, null, CancellationToken.None);
            if (runs.All(r => r.Status == "success"))
            {
                break;
            }

            await Task.Delay(500);
        }

        _output.WriteLine($"{acknowledged.Count} acknowledged, {runs.Count} recorded; all done {clock.Elapsed.TotalSeconds:F1} s after restart");
        Assert.All(acknowledged, id => Assert.Contains(runs, r => r.WorkflowId == id && r.Status == "success"));
        Assert.All(runs, r => Assert.Equal("success", r.Status));
        foreach (var run in runs)
        {
            Assert.Single(await storage.Audit.ListAsync(tenant, "workflow_run", 100, CancellationToken.None), e => e.Payload["workflow_id"]!.GetValue<string>() == run.WorkflowId);
            var steps = await storage.Steps.ListAsync(tenant, run.WorkflowId, CancellationToken.None);
            Assert.Equal(3, steps.Count);
            Assert.All(steps, s => Assert.InRange(s.Attempts, 1, 2)); // a step killed mid-flight runs once more
        }

        // Never two at once with a limit of 1.
        var ordered = runs.OrderBy(r => r.AdmittedAt).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            Assert.True(ordered[i].AdmittedAt >= ordered[i - 1].FinishedAt || ordered[i - 1].FinishedAt is null,
                $"{ordered[i].WorkflowId} admitted at {ordered[i].AdmittedAt:O} before {ordered[i - 1].WorkflowId} finished at {ordered[i - 1].FinishedAt:O}");
        }
    }
}
