using System.Text.Json.Nodes;
using Autopilot.Core.Connectors;
using Autopilot.Core.Memos;
using Autopilot.Core.Workflows;
using Autopilot.Tests.Infrastructure;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Autopilot.Tests.Memos;

/// <summary>Starts a weekly memo through admission on an in-process engine and waits for its body.</summary>
internal static class MemoRuns
{
    public static async Task<(string WorkflowId, JsonObject Body)> RunAsync(InProcessEngine engine, string tenant, DateOnly? today = null)
    {
        var connectionId = ConnectionStore.IdFor(tenant);
        var launch = await engine.Services.GetRequiredService<WorkflowLauncher>().LaunchAsync(engine.Client, tenant, WorkflowKinds.Memo, connectionId,
            ticket => new WeeklyMemoInput(ticket, connectionId, today), CancellationToken.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var done = await engine.Client.WaitForInstanceCompletionAsync(launch.WorkflowId, getInputsAndOutputs: true, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        return (launch.WorkflowId, JsonNode.Parse(done.SerializedOutput!)!.AsObject());
    }
}
