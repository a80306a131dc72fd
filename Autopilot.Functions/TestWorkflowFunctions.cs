using System.Text.Json.Nodes;
using Autopilot.Core;
using Autopilot.Core.Engine;
using Autopilot.Core.Workflows.Testing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace Autopilot.Functions;

/// <summary>
/// Adapters for <see cref="WorkflowCatalog.TestOrchestrators"/> and <see cref="WorkflowCatalog.TestActivities"/>.
/// Functions' metadata is generated at build time, so these functions are always listed by the host; without
/// AUTOPILOT_ENABLE_TEST_WORKFLOWS=true they refuse to run (the instance fails naming the flag, no step executes),
/// as the server's worker, which does not register them at all, never runs them either.
/// </summary>
public static class TestWorkflowFunctions
{
    [Function(nameof(FaultInjectionOrchestration))]
    public static Task<JsonObject> FaultInjection([OrchestrationTrigger] TaskOrchestrationContext ctx, FunctionContext fc)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        EnsureEnabled(fc, nameof(FaultInjectionOrchestration));
        return new FaultInjectionOrchestration().RunAsync(ctx, ctx.GetInput<FaultInjectionInput>()!);
    }

    [Function(nameof(FaultStepActivity))]
    public static Task<string> FaultStep([ActivityTrigger] FaultStepInput input, string instanceId, FunctionContext fc)
    {
        EnsureEnabled(fc, nameof(FaultStepActivity));
        return DurableFunctions.Create<FaultStepActivity>(fc).RunAsync(DurableFunctions.Context(nameof(FaultStepActivity), instanceId), input);
    }

    private static void EnsureEnabled(FunctionContext fc, string name)
    {
        ArgumentNullException.ThrowIfNull(fc);
        if (!fc.InstanceServices.GetRequiredService<ServiceOptions>().EnableTestWorkflows)
        {
            throw new InvalidOperationException($"{name} is a test workflow and runs only with AUTOPILOT_ENABLE_TEST_WORKFLOWS=true.");
        }
    }
}
