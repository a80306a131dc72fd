using System.Text.Json.Nodes;
using Autopilot.Core.Admission;
using Autopilot.Core.Profiling;
using Autopilot.Core.Workflows;
using Autopilot.Tests.Infrastructure;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Autopilot.Tests.Engine;

/// <summary>The engine seam on the server runtime: the SDK client over DTFx + Azure Storage, driven in-process.</summary>
[Collection(ProcessCollection.Name)]
public sealed class EngineClientTests : IAsyncLifetime
{
    private InProcessEngine _engine = null!;

    private DurableTaskClient Client => _engine.Client;

    public async Task InitializeAsync() =>
        _engine = await InProcessEngine.StartAsync("client", new Dictionary<string, string?> { ["AUTOPILOT_TEST_STEP_DELAY_MS"] = "1500" });

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task Start_with_a_chosen_id_wait_read_output_list_and_purge()
    {
        var id = "wf_client" + Guid.NewGuid().ToString("N")[..6];
        await CreateRunAsync(id, "org_client");

        var scheduled = await Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(ProfileWarehouseOrchestration), new ProfileRunInput(new WorkflowTicket("org_client", id, WorkflowTypes.Profile, false, 1), "conn_org_client", false, false), new StartOrchestrationOptions(id));
        var done = await Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, new CancellationTokenSource(TimeSpan.FromSeconds(90)).Token);
        var listed = new List<OrchestrationMetadata>();
        await foreach (var instance in Client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = "wf_client" }))
        {
            listed.Add(instance);
        }

        var purged = await Client.PurgeInstanceAsync(id);

        Assert.Equal(id, scheduled);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("success", done.ReadOutputAs<JsonObject>()!["status"]!.GetValue<string>());
        Assert.Contains(listed, m => m.InstanceId == id);
        Assert.Equal(1, purged.PurgedInstanceCount);
        Assert.Null(await Client.GetInstanceAsync(id));
    }

    [Fact]
    public async Task A_running_instance_id_cannot_be_started_twice_and_terminate_stops_it()
    {
        var id = "wf_dup" + Guid.NewGuid().ToString("N")[..6];
        await CreateRunAsync(id, "org_dup");
        var input = new ProfileRunInput(new WorkflowTicket("org_dup", id, WorkflowTypes.Profile, false, 1), "conn_org_dup", false, false);
        await Client.ScheduleNewOrchestrationInstanceAsync(nameof(ProfileWarehouseOrchestration), input, new StartOrchestrationOptions(id));
        await Client.WaitForInstanceStartAsync(id, getInputsAndOutputs: false, new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);

        await Assert.ThrowsAsync<global::DurableTask.Core.Exceptions.OrchestrationAlreadyExistsException>(() => Client.ScheduleNewOrchestrationInstanceAsync(nameof(ProfileWarehouseOrchestration), input, new StartOrchestrationOptions(id)));
        await Client.TerminateInstanceAsync(id, "cancelled by test");
        var terminated = await Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, terminated.RuntimeStatus);
    }

    private Task CreateRunAsync(string id, string tenant) =>
        _engine.Services.GetRequiredService<WorkflowRunStore>().CreateAsync(
            new WorkflowRun(id, tenant, WorkflowTypes.Profile, WorkflowStatus.Running, TimeProvider.System.GetUtcNow(), null, $"conn_{tenant}", null),
            CancellationToken.None);
}
