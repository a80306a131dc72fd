using Autopilot.Core;
using Autopilot.Core.Admission;
using Autopilot.Core.Storage;
using Autopilot.Core.Workflows;
using Autopilot.Core.Workflows.Testing;
using Autopilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace Autopilot.Tests.Workflows;

/// <summary>
/// The service-wide in-flight limit (MAX_INFLIGHT_WORKFLOWS) on top of the per-tenant caps, on the real engine and
/// Azurite with the queue sweep running: never more than the limit at once across tenants, the rest wait durably with
/// reason <c>service_limit</c> and all finish; slots left by a crash are freed by the sweep after a restart.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class ServiceInFlightLimitTests
{
    private readonly ITestOutputHelper _output;

    public ServiceInFlightLimitTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task With_a_service_limit_of_three_never_more_than_three_run_at_once_across_tenants_and_the_rest_finish()
    {
        await using var engine = await StartAsync(limit: 3);
        var tenants = Enumerable.Range(0, 4).Select(i => $"org_sl_{i}_{Guid.NewGuid():N}"[..20]).ToList();
        var launcher = engine.Services.GetRequiredService<WorkflowLauncher>();
        var slots = engine.Services.GetRequiredService<ServiceSlots>();

        using var sampling = new CancellationTokenSource();
        var samples = new List<int>();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                samples.Add((await slots.HoldersAsync(CancellationToken.None)).Count);
                await Task.Delay(50, CancellationToken.None);
            }
        });

        // Three workflows per tenant: each tenant's own cap (3) would let all twelve run at once.
        var launches = await Task.WhenAll(tenants.SelectMany(t => Enumerable.Range(0, 3).Select(_ => launcher.LaunchAsync(engine.Client, t, WorkflowKinds.FaultTest, null,
            ticket => new FaultInjectionInput(ticket, 2, 700, new Dictionary<string, StepFault>(), false, false), CancellationToken.None))));
        var runs = engine.Services.GetRequiredService<WorkflowRunStore>();
        var finished = await Task.WhenAll(launches.Select(l => WaitFinalAsync(runs, l.Ticket.TenantId, l.WorkflowId, TimeSpan.FromSeconds(180))));
        await sampling.CancelAsync();
        await sampler;
        var left = await EventuallyEmptyAsync(slots);

        // Concurrency from the runs themselves: each ran inside [admitted, finished], and those intervals overlap at most 3 deep.
        var overlap = MaxOverlap(finished.Select(r => (r.AdmittedAt!.Value, r.FinishedAt!.Value)));
        _output.WriteLine($"queued at launch: {launches.Count(l => !l.Decision.Admitted)}; max overlap {overlap}; max sampled slots {samples.Max()}");
        Assert.All(finished, r => Assert.Equal(WorkflowStatus.Success, r.Status));
        Assert.Equal(3, overlap);
        Assert.InRange(samples.Max(), 1, 3);
        // At most three start at launch. Fewer may: a launch that took a slot still queues (and gives the slot back)
        // when its own tenant's earlier launch already waits for the service — the tenant's queue stays first come, first
        // served — and the sweep then hands the freed slot to the head of the queue.
        Assert.InRange(launches.Count(l => !l.Decision.Admitted), 9, 12);
        Assert.All(launches.Where(l => !l.Decision.Admitted), l => Assert.Equal(QueueReasons.ServiceLimit, l.Decision.Reason));
        Assert.Equal(0, left);
    }

    [Fact]
    public async Task Slots_left_by_a_crash_are_freed_by_the_sweep_after_a_restart_and_the_waiting_work_then_runs()
    {
        // No sweep on the first worker: it would free the planted leak before the scenario is set up.
        var a = await StartAsync(limit: 2, sweep: false);
        var hub = a.Hub;
        var tables = a.Services.GetRequiredService<TableStorage>();
        var options = a.Services.GetRequiredService<ServiceOptions>();

        // A holder that died between taking its slot and committing its tenant's admission, a minute ago.
        var ghostClock = new FakeTimeProvider(TimeProvider.System.GetUtcNow() - TimeSpan.FromMinutes(1));
        Assert.True(await new ServiceSlots(tables, options, ghostClock).TryTakeAsync("org_ghost", "wf_ghost", CancellationToken.None));

        // A long workflow takes the other slot; a third tenant's workflow then waits for the service.
        var stuckTenant = "org_sk_" + Guid.NewGuid().ToString("N")[..10];
        var waitingTenant = "org_sw_" + Guid.NewGuid().ToString("N")[..10];
        var stuck = await a.Services.GetRequiredService<WorkflowLauncher>().LaunchAsync(a.Client, stuckTenant, WorkflowKinds.FaultTest, null,
            ticket => new FaultInjectionInput(ticket, 1, 60_000, new Dictionary<string, StepFault>(), false, false), CancellationToken.None);
        var waiting = await a.Services.GetRequiredService<WorkflowLauncher>().LaunchAsync(a.Client, waitingTenant, WorkflowKinds.FaultTest, null,
            ticket => new FaultInjectionInput(ticket, 1, 0, new Dictionary<string, StepFault>(), false, false), CancellationToken.None);

        // The worker goes away; its long workflow's orchestration dies without freeing its slots (terminated).
        await a.DisposeAsync();
        await using var b = await StartAsync(limit: 2, hub);
        await b.Client.TerminateInstanceAsync(stuck.WorkflowId, "worker lost", CancellationToken.None);
        var runs = b.Services.GetRequiredService<WorkflowRunStore>();
        var done = await WaitFinalAsync(runs, waitingTenant, waiting.WorkflowId, TimeSpan.FromSeconds(120));
        var left = await EventuallyEmptyAsync(b.Services.GetRequiredService<ServiceSlots>());

        Assert.Equal(QueueReasons.ServiceLimit, waiting.Decision.Reason);
        Assert.True(stuck.Decision.Admitted);
        Assert.Equal(WorkflowStatus.Success, done.Status);
        Assert.Equal(0, left);
        Assert.Empty(await b.Services.GetRequiredService<AdmissionStore>().ListRunningAsync(stuckTenant, CancellationToken.None));
    }

    /// <summary>Slots are freed by each workflow's last activity, just after its run turns final: wait for that.</summary>
    private static async Task<int> EventuallyEmptyAsync(ServiceSlots slots)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        int count;
        while ((count = (await slots.HoldersAsync(CancellationToken.None)).Count) > 0 && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(200);
        }

        return count;
    }

    private static Task<InProcessEngine> StartAsync(int limit, string? hub = null, bool sweep = true)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AUTOPILOT_ENABLE_TEST_WORKFLOWS"] = "true",
            ["MAX_INFLIGHT_WORKFLOWS"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["QUEUE_POLL_INTERVAL"] = "00:00:00.200",
        };
        if (hub is not null)
        {
            settings["TASKHUB_NAME"] = hub;
        }

        // The server's queue sweep: what admits another tenant's waiting work when a slot frees, and repairs leaks.
        return InProcessEngine.StartAsync("inflight", settings, services =>
        {
            if (sweep)
            {
                services.AddHostedService<QueueBackgroundProcessor>();
            }
        });
    }

    private static int MaxOverlap(IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> intervals)
    {
        var edges = intervals.SelectMany(i => new[] { (At: i.Start, Delta: 1), (At: i.End, Delta: -1) })
            .OrderBy(e => e.At).ThenBy(e => e.Delta);
        int depth = 0, max = 0;
        foreach (var (_, delta) in edges)
        {
            depth += delta;
            max = Math.Max(max, depth);
        }

        return max;
    }

    private static async Task<WorkflowRun> WaitFinalAsync(WorkflowRunStore runs, string tenant, string workflowId, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            if (await runs.GetAsync(tenant, workflowId, deadline.Token) is { } run && WorkflowStatus.IsFinal(run.Status))
            {
                return run;
            }

            await Task.Delay(200, deadline.Token);
        }
    }
}
