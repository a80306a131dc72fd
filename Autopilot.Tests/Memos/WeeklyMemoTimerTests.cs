using Autopilot.Core.Connectors;
using Autopilot.Core.Engine;
using Autopilot.Core.Memos;
using Autopilot.Core.Workflows;
using Autopilot.Core.Workflows.Testing;
using Autopilot.Tests.Infrastructure;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Autopilot.Tests.Memos;

/// <summary>
/// The weekly memo timer on the real engine and Azurite: one memo per tenant per week across replicas ticking together,
/// restarts and repeated ticks; a missed week is not caught up, the current one is, once. The timer's clock is a
/// <see cref="FakeTimeProvider"/>; the memo orchestration is whatever the memo kind runs (only its start is counted).
/// </summary>
[Collection(SecondProcessCollection.Name)]
public sealed class WeeklyMemoTimerTests
{
    /// <summary>Monday of ISO 2026-W49, an hour after the default slot (Monday 08:00 UTC).</summary>
    private static readonly DateTimeOffset MondayW49 = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Two_replicas_ticking_together_and_a_restart_start_exactly_one_memo_per_due_tenant_for_the_week()
    {
        var clock = new FakeTimeProvider(MondayW49);
        var a = await InProcessEngine.StartAsync("memotimer");
        await using var b = await InProcessEngine.StartAsync("memotimer", new Dictionary<string, string?> { ["TASKHUB_NAME"] = a.Hub });
        var due = Enumerable.Range(0, 4).Select(i => $"org_mt_{i}_{Guid.NewGuid():N}"[..20]).ToList();
        var notDue = "org_mt_later_" + Guid.NewGuid().ToString("N")[..6];
        var disconnected = "org_mt_gone_" + Guid.NewGuid().ToString("N")[..6];
        foreach (var tenant in due.Append(notDue).Append(disconnected))
        {
            await ConnectAsync(a, tenant);
        }

        await a.Services.GetRequiredService<MemoScheduleStore>().SetAsync(notDue, new MemoSchedule("America/New_York", DayOfWeek.Friday, 17), CancellationToken.None);
        await a.Services.GetRequiredService<ConnectionStore>().DisconnectAsync(disconnected, ConnectionStore.IdFor(disconnected), CancellationToken.None);

        // Both replicas tick twice, all at once.
        var ticks = await Task.WhenAll(
            TimerOn(a, clock).TickAsync(a.Client, CancellationToken.None), TimerOn(b, clock).TickAsync(b.Client, CancellationToken.None),
            TimerOn(a, clock).TickAsync(a.Client, CancellationToken.None), TimerOn(b, clock).TickAsync(b.Client, CancellationToken.None));

        // Replica a goes away; a new one on the same hub ticks once the memos have finished, and again later in the week.
        var hub = a.Hub;
        await a.DisposeAsync();
        await using var c = await InProcessEngine.StartAsync("memotimer", new Dictionary<string, string?> { ["TASKHUB_NAME"] = hub });
        foreach (var tenant in due)
        {
            await WaitFinishedAsync(c.Client, $"memo-{tenant}-2026-W49");
        }

        var before = await InstancesAsync(c.Client, due);
        var afterRestart = await TimerOn(c, clock).TickAsync(c.Client, CancellationToken.None);
        clock.Advance(TimeSpan.FromDays(3));
        var laterInWeek = await TimerOn(c, clock).TickAsync(c.Client, CancellationToken.None);

        var launched = ticks.Sum(t => t.Count(MemoTimerOutcome.Started) + t.Count(MemoTimerOutcome.Queued));
        Assert.Equal(due.Count, launched);
        Assert.Equal(due.Count * 3, ticks.Sum(t => t.Count(MemoTimerOutcome.AlreadyStarted)));
        // The disconnected tenant left the connected-tenant index, so ticks do not even visit it.
        Assert.All(ticks, t => Assert.Equal((1, 0, 0), (t.Count(MemoTimerOutcome.NotDue), t.Count(MemoTimerOutcome.NotConnected), t.Count(MemoTimerOutcome.Failed))));
        Assert.Equal(due.Count, afterRestart.Count(MemoTimerOutcome.AlreadyStarted));
        Assert.Equal(due.Count, laterInWeek.Count(MemoTimerOutcome.AlreadyStarted));
        Assert.Equal(0, afterRestart.Count(MemoTimerOutcome.Started) + laterInWeek.Count(MemoTimerOutcome.Started));

        var runs = c.Services.GetRequiredService<WorkflowRunStore>();
        foreach (var tenant in due)
        {
            var memoRuns = await runs.ListAsync(tenant, null, WorkflowTypes.Memo, CancellationToken.None);
            Assert.Equal([$"memo-{tenant}-2026-W49"], memoRuns.Select(r => r.WorkflowId));
            Assert.Equal(1, memoRuns[0].Attempts);
        }

        // One orchestration per tenant, and the finished ones were not started again (same execution, same creation time).
        var after = await InstancesAsync(c.Client, due);
        Assert.Equal(due.Select(t => $"memo-{t}-2026-W49").Order(), after.Select(i => i.InstanceId).Order());
        Assert.Equal(before.Select(i => (i.InstanceId, i.CreatedAt)).Order(), after.Select(i => (i.InstanceId, i.CreatedAt)).Order());
        Assert.Empty(await InstancesAsync(c.Client, [notDue, disconnected]));
    }

    [Fact]
    public async Task A_tick_after_a_missed_week_starts_the_current_week_once_and_not_the_missed_one()
    {
        var clock = new FakeTimeProvider(MondayW49);
        await using var engine = await InProcessEngine.StartAsync("memomiss");
        var tenant = "org_mm_" + Guid.NewGuid().ToString("N")[..10];
        await ConnectAsync(engine, tenant);
        var timer = TimerOn(engine, clock);

        var first = await timer.StartIfDueAsync(engine.Client, tenant, clock.GetUtcNow(), CancellationToken.None);

        // Down for two weeks: W50's slot passes with no tick; the first tick back is in W51.
        clock.Advance(TimeSpan.FromDays(14));
        var catchUp = await timer.TickAsync(engine.Client, CancellationToken.None);
        var again = await timer.TickAsync(engine.Client, CancellationToken.None);

        var memoRuns = await engine.Services.GetRequiredService<WorkflowRunStore>().ListAsync(tenant, null, WorkflowTypes.Memo, CancellationToken.None);
        Assert.Equal(MemoTimerOutcome.Started, first);
        Assert.Equal((1, 0), (catchUp.Count(MemoTimerOutcome.Started), catchUp.Count(MemoTimerOutcome.AlreadyStarted)));
        Assert.Equal((0, 1), (again.Count(MemoTimerOutcome.Started), again.Count(MemoTimerOutcome.AlreadyStarted)));
        Assert.Equal([$"memo-{tenant}-2026-W49", $"memo-{tenant}-2026-W51"], memoRuns.Select(r => r.WorkflowId).Order());

        // The catch-up memo's windows end before its own slot's date, not the missed week's.
        var input = System.Text.Json.JsonSerializer.Deserialize<WeeklyMemoInput>(memoRuns.Single(r => r.WorkflowId.EndsWith("W51", StringComparison.Ordinal)).InputJson!, AutopilotJson.Options)!;
        Assert.Equal(new DateOnly(2026, 12, 14), input.Today);
    }

    [Fact]
    public async Task Launches_racing_on_one_id_across_two_workers_create_one_run_and_one_orchestration()
    {
        await using var a = await InProcessEngine.StartAsync("memorace", new Dictionary<string, string?> { ["AUTOPILOT_ENABLE_TEST_WORKFLOWS"] = "true" });
        await using var b = await InProcessEngine.StartAsync("memorace", new Dictionary<string, string?> { ["TASKHUB_NAME"] = a.Hub, ["AUTOPILOT_ENABLE_TEST_WORKFLOWS"] = "true" });
        var tenant = "org_mr_" + Guid.NewGuid().ToString("N")[..10];
        var id = $"memo-{tenant}-2026-W49";

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
        {
            var engine = i % 2 == 0 ? a : b;
            return engine.Services.GetRequiredService<WorkflowLauncher>().LaunchOnceAsync(engine.Client, tenant, WorkflowKinds.FaultTest, id, null,
                ticket => new FaultInjectionInput(ticket, 1, 0, new Dictionary<string, StepFault>(), false, false), CancellationToken.None);
        }));
        await WaitFinishedAsync(a.Client, id);
        var afterFinish = await a.Services.GetRequiredService<WorkflowLauncher>().LaunchOnceAsync(a.Client, tenant, WorkflowKinds.FaultTest, id, null,
            ticket => new FaultInjectionInput(ticket, 1, 0, new Dictionary<string, StepFault>(), false, false), CancellationToken.None);

        Assert.Equal(1, results.Count(r => !r.AlreadyStarted));
        Assert.True(afterFinish.AlreadyStarted);
        var runs = await a.Services.GetRequiredService<WorkflowRunStore>().ListAsync(tenant, null, null, CancellationToken.None);
        Assert.Equal([(id, WorkflowStatus.Success, 1)], runs.Select(r => (r.WorkflowId, r.Status, r.Attempts)));
        Assert.Single(await InstancesAsync(a.Client, [tenant]));
    }

    [Fact]
    public async Task A_claim_left_by_a_crash_before_admission_is_finished_by_a_later_launch_and_a_fresh_one_is_not()
    {
        await using var engine = await InProcessEngine.StartAsync("memoclaim", new Dictionary<string, string?> { ["AUTOPILOT_ENABLE_TEST_WORKFLOWS"] = "true" });
        var runs = engine.Services.GetRequiredService<WorkflowRunStore>();
        var launcher = engine.Services.GetRequiredService<WorkflowLauncher>();
        var tenant = "org_mc_" + Guid.NewGuid().ToString("N")[..10];
        var stale = $"memo-{tenant}-2026-W48";
        var fresh = $"memo-{tenant}-2026-W49";
        var now = TimeProvider.System.GetUtcNow();

        // What a launcher that crashed right after its claim leaves: a queued first-attempt run and nothing else.
        Assert.True(await runs.TryCreateAsync(new WorkflowRun(stale, tenant, WorkflowTypes.FaultTest, WorkflowStatus.Queued, now - WorkflowLauncher.ClaimGrace - TimeSpan.FromSeconds(1), null, null, null), CancellationToken.None));
        Assert.True(await runs.TryCreateAsync(new WorkflowRun(fresh, tenant, WorkflowTypes.FaultTest, WorkflowStatus.Queued, now, null, null, null), CancellationToken.None));
        Assert.False(await runs.TryCreateAsync(new WorkflowRun(fresh, tenant, WorkflowTypes.FaultTest, WorkflowStatus.Queued, now, null, null, null), CancellationToken.None));

        var repaired = await launcher.LaunchOnceAsync(engine.Client, tenant, WorkflowKinds.FaultTest, stale, null,
            ticket => new FaultInjectionInput(ticket, 1, 0, new Dictionary<string, StepFault>(), false, false), CancellationToken.None);
        var inFlight = await launcher.LaunchOnceAsync(engine.Client, tenant, WorkflowKinds.FaultTest, fresh, null,
            ticket => new FaultInjectionInput(ticket, 1, 0, new Dictionary<string, StepFault>(), false, false), CancellationToken.None);
        await WaitFinishedAsync(engine.Client, stale);

        Assert.False(repaired.AlreadyStarted);
        Assert.True(inFlight.AlreadyStarted);
        Assert.Equal(WorkflowStatus.Success, (await runs.GetAsync(tenant, stale, CancellationToken.None))!.Status);
        Assert.Null(await engine.Client.GetInstanceAsync(fresh, getInputsAndOutputs: false, CancellationToken.None));
    }

    private static WeeklyMemoTimer TimerOn(InProcessEngine engine, TimeProvider clock) =>
        ActivatorUtilities.CreateInstance<WeeklyMemoTimer>(engine.Services, clock);

    private static Task ConnectAsync(InProcessEngine engine, string tenant) =>
        engine.Services.GetRequiredService<ConnectionStore>().ConnectAsync(tenant, ConnectionStore.IdFor(tenant), "duckdb-demo", null, CancellationToken.None);

    private static async Task<List<OrchestrationMetadata>> InstancesAsync(DurableTaskClient client, IEnumerable<string> tenants)
    {
        var found = new List<OrchestrationMetadata>();
        foreach (var tenant in tenants)
        {
            await foreach (var instance in client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = $"memo-{tenant}-" }))
            {
                found.Add(instance);
            }
        }

        return found;
    }

    private static async Task WaitFinishedAsync(DurableTaskClient client, string instanceId)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while (await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, deadline.Token) is not { IsCompleted: true })
        {
            await Task.Delay(200, deadline.Token);
        }
    }
}
