using System.Text.Json.Nodes;
using Autopilot.Core.Connectors;
using Autopilot.Core.Dashboards;
using Autopilot.Core.Workflows;
using Autopilot.Tests.Infrastructure;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Autopilot.Tests.Dashboards;

/// <summary>Starts a dashboard build through admission on an in-process engine and waits for its body.</summary>
internal static class DashboardRuns
{
    public static async Task<(string WorkflowId, JsonObject Body)> BuildAsync(InProcessEngine engine, string tenant)
    {
        var connectionId = ConnectionStore.IdFor(tenant);
        var launch = await engine.Services.GetRequiredService<WorkflowLauncher>().LaunchAsync(engine.Client, tenant, WorkflowKinds.Dashboard, connectionId,
            ticket => new DashboardBuildInput(ticket, connectionId), CancellationToken.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var done = await engine.Client.WaitForInstanceCompletionAsync(launch.WorkflowId, getInputsAndOutputs: true, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        return (launch.WorkflowId, JsonNode.Parse(done.SerializedOutput!)!.AsObject());
    }

    /// <summary>Builds through <c>POST /api/v1/workflows/dashboard</c> as a member, following a 202 as a client would.</summary>
    public static async Task<JsonNode> BuildOverHttpAsync(HttpClient http, string tenant)
    {
        var (status, body) = await http.SendAsync(HttpMethod.Post, $"api/v1/workflows/dashboard?org_id={tenant}", tenant, "member");
        if (status == 202)
        {
            var run = await http.WaitForRunAsync(tenant, body!["workflow_id"]!.GetValue<string>(), TimeSpan.FromMinutes(3));
            return run["result"]!;
        }

        Assert.True(status == 200, body?.ToJsonString());
        return body!;
    }
}
