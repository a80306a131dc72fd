using Autopilot.Core.Admission;
using Autopilot.Core.Workflows;
using Autopilot.Core.Workflows.Testing;
using Autopilot.Tests.Infrastructure;
using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Autopilot.Tests.Workflows;

/// <summary>
/// The launcher's last step, starting the orchestration, on the real engine: only the engine's duplicate signal,
/// confirmed by reading the instance, counts as "already started" (issue 8 §5.1).
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class WorkflowLauncherTests : IAsyncLifetime
{
    private InProcessEngine _engine = null!;

    public async Task InitializeAsync() =>
        _engine = await InProcessEngine.StartAsync("launch", new Dictionary<string, string?> { ["AUTOPILOT_ENABLE_TEST_WORKFLOWS"] = "true" });

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    private WorkflowLauncher Launcher => _engine.Services.GetRequiredService<WorkflowLauncher>();

    private AdmissionStore Admission => _engine.Services.GetRequiredService<AdmissionStore>();

    [Theory]
    [InlineData("invalid_operation")]
    [InlineData("storage_refused")]
    public async Task A_schedule_that_fails_is_not_marked_scheduled_and_stays_for_recovery(string failure)
    {
        var tenant = "org_launchfail" + Guid.NewGuid().ToString("N")[..6];
        Func<Exception> fault = failure == "invalid_operation"
            ? () => new InvalidOperationException("The task hub refused the start.")
            : () => new Azure.RequestFailedException(503, "Service unavailable");
        var failing = new ScheduleFailingClient(_engine.Client, fault);

        var error = await Record.ExceptionAsync(() => LaunchFaultTestAsync(failing, tenant, stepDelayMs: 50));

        Assert.NotNull(error);
        Assert.Equal(1, failing.ScheduleCalls);
        var pending = await UnscheduledAsync(tenant);
        Assert.Single(pending);
        Assert.Null(await _engine.Client.GetInstanceAsync(pending[0].WorkflowId));
    }

    [Fact]
    public async Task A_launch_whose_orchestration_already_runs_is_confirmed_and_marked_scheduled()
    {
        var tenant = "org_launchdup" + Guid.NewGuid().ToString("N")[..6];
        await Record.ExceptionAsync(() => LaunchFaultTestAsync(
            new ScheduleFailingClient(_engine.Client, () => new InvalidOperationException("crash stand-in")), tenant, stepDelayMs: 20_000));
        var launch = Assert.Single(await UnscheduledAsync(tenant));

        // The engine took the start before the process died: the instance runs, the launch record does not know it.
        await _engine.Client.ScheduleNewOrchestrationInstanceAsync(launch.Orchestrator, System.Text.Json.JsonDocument.Parse(launch.InputJson).RootElement, new StartOrchestrationOptions(launch.WorkflowId));
        await _engine.Client.WaitForInstanceStartAsync(launch.WorkflowId, getInputsAndOutputs: false, new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(() =>
            _engine.Client.ScheduleNewOrchestrationInstanceAsync(launch.Orchestrator, null, new StartOrchestrationOptions(launch.WorkflowId)));

        await Launcher.StartAsync(_engine.Client, launch, queued: false, CancellationToken.None);

        Assert.Empty(await UnscheduledAsync(tenant));
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await _engine.Client.GetInstanceAsync(launch.WorkflowId))!.RuntimeStatus);
        await _engine.Client.TerminateInstanceAsync(launch.WorkflowId, "test done");
    }

    private Task<LaunchResult> LaunchFaultTestAsync(DurableTaskClient client, string tenant, int stepDelayMs) =>
        Launcher.LaunchAsync(client, tenant, WorkflowKinds.FaultTest, connectionId: null,
            ticket => new FaultInjectionInput(ticket, Steps: 2, StepDelayMs: stepDelayMs, new Dictionary<string, StepFault>(), Sampling: false, SkipOnError: false),
            CancellationToken.None);

    private async Task<List<LaunchRecord>> UnscheduledAsync(string tenant) =>
        (await Admission.UnscheduledLaunchesAsync(tenant, TimeProvider.System.GetUtcNow().AddHours(1), CancellationToken.None)).ToList();
}
