using Autopilot.Core.Admission;
using Autopilot.Core.Storage;
using Autopilot.Core.Workflows;
using Autopilot.Core.Workflows.Testing;
using Autopilot.Tests.Infrastructure;
using Azure.Core;
using Azure.Data.Tables;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace Autopilot.Tests.Workflows;

/// <summary>
/// The one queue sweep both runtimes run (issue 8 §5.7), on the real engine and Azurite, with a fake clock so no
/// background tick interferes: a failing step is contained and logged, every queued tenant still gets its pass,
/// and the next sweep repairs what the failure left.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class QueueSweepTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(TimeProvider.System.GetUtcNow());
    private readonly TableRequestLog _tables = new();
    private readonly ITestOutputHelper _output;
    private InProcessEngine _engine = null!;

    public QueueSweepTests(ITestOutputHelper output) => _output = output;

    public async Task InitializeAsync() =>
        _engine = await InProcessEngine.StartAsync(
            "sweep",
            new Dictionary<string, string?> { ["AUTOPILOT_ENABLE_TEST_WORKFLOWS"] = "true", ["PER_ORG_MAX_WORKFLOWS"] = "1" },
            services =>
            {
                services.AddSingleton<TimeProvider>(_clock);
                var observed = new TableClientOptions();
                observed.AddPolicy(_tables, HttpPipelinePosition.PerCall);
                services.AddSingleton(sp => new TableStorage(sp.GetRequiredService<StorageOptions>(), observed));
            });

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task A_failing_step_is_contained_every_queued_tenant_is_passed_and_the_next_sweep_recovers_the_launch()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var crashed = "org_sweepa" + suffix;
        var busy = "org_sweepb" + suffix;
        var failing = new ScheduleFailingClient(_engine.Client, () => new InvalidOperationException("engine refused"));
        await Record.ExceptionAsync(() => LaunchAsync(failing, crashed));
        var first = await LaunchAsync(_engine.Client, busy);
        var second = await LaunchAsync(_engine.Client, busy);
        _clock.Advance(TimeSpan.FromMinutes(1));
        var sweep = _engine.Services.GetRequiredService<QueueSweep>();

        var contained = await sweep.RunAsync(failing, CancellationToken.None);

        Assert.True(first.Decision.Admitted);
        Assert.False(second.Decision.Admitted);
        Assert.True(contained.Failures >= 1, "the refused restart is counted as a failure");
        Assert.Equal(0, contained.LaunchesRecovered);
        Assert.True(contained.TenantsProcessed >= 1, "the busy tenant's queue is still passed over");
        Assert.Single(await UnscheduledAsync(crashed));

        var repaired = await sweep.RunAsync(_engine.Client, CancellationToken.None);

        Assert.Equal(0, repaired.Failures);
        Assert.True(repaired.LaunchesRecovered >= 1);
        Assert.Empty(await UnscheduledAsync(crashed));
        var runs = await _engine.Services.GetRequiredService<WorkflowRunStore>().ListAsync(crashed, null, null, CancellationToken.None);
        Assert.NotNull(await _engine.Client.GetInstanceAsync(Assert.Single(runs).WorkflowId));
    }

    [Fact]
    public async Task The_sweep_reads_the_pending_index_and_only_the_partitions_of_tenants_in_it()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var idle = "org_sweepidle" + suffix;
        var waiting = "org_sweepwait" + suffix;
        await LaunchAsync(_engine.Client, idle);
        _clock.Advance(TimeSpan.FromMinutes(1));

        // Launched "now": the running one is inside the start grace, so no pass reclaims its slot and the other keeps waiting.
        await LaunchAsync(_engine.Client, waiting);
        var queued = await LaunchAsync(_engine.Client, waiting);
        var sweep = _engine.Services.GetRequiredService<QueueSweep>();
        var index = _engine.Services.GetRequiredService<PendingWorkIndex>();
        var before = (await index.ListAsync(CancellationToken.None)).Select(t => t.TenantId).ToList();
        await sweep.RunAsync(_engine.Client, CancellationToken.None);
        var after = (await index.ListAsync(CancellationToken.None)).Select(t => t.TenantId).ToList();
        _tables.Clear();

        var result = await sweep.RunAsync(_engine.Client, CancellationToken.None);

        var admissionRequests = _tables.To("Admission");
        _output.WriteLine($"one sweep over 1 pending tenant: {admissionRequests.Count} admission-table requests ({admissionRequests.Count(r => r.Split('?')[0].EndsWith("()", StringComparison.Ordinal))} queries, all single-partition)");
        Assert.False(queued.Decision.Admitted);
        Assert.Contains(idle, before);
        Assert.DoesNotContain(idle, after);
        Assert.Equal(new[] { waiting }, after);
        Assert.Equal(1, result.TenantsProcessed);
        Assert.NotEmpty(admissionRequests);
        Assert.Empty(TableRequestLog.CrossPartitionQueries(admissionRequests));
        Assert.Equal(new HashSet<string> { "tenants", waiting }, TableRequestLog.Partitions(admissionRequests));
    }

    private Task<LaunchResult> LaunchAsync(DurableTaskClient client, string tenant) =>
        _engine.Services.GetRequiredService<WorkflowLauncher>().LaunchAsync(client, tenant, WorkflowKinds.FaultTest, connectionId: null,
            ticket => new FaultInjectionInput(ticket, Steps: 1, StepDelayMs: 60_000, new Dictionary<string, StepFault>(), Sampling: false, SkipOnError: false),
            CancellationToken.None);

    private async Task<List<LaunchRecord>> UnscheduledAsync(string tenant) =>
        (await _engine.Services.GetRequiredService<AdmissionStore>().UnscheduledLaunchesAsync(tenant, _clock.GetUtcNow(), CancellationToken.None))
            .ToList();
}
