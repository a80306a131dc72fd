using System.Text.Json.Nodes;
using Autopilot.Core.Admission;
using Autopilot.Core.Workflows;
using Microsoft.DurableTask;

namespace Autopilot.Core.Profiling;

/// <summary>
/// Work that needs the tenant's catalog (an agent run, later dashboards and memos) profiles the warehouse first when
/// it was never profiled: a <see cref="ProfileWarehouseOrchestration"/> sub-orchestration, admitted like any profile
/// (the tenant's profile cap and outages apply; a queued profile waits durably for its slot).
/// </summary>
public static class ProfileFirst
{
    /// <summary>Null when a catalog already exists; otherwise the finished profile's body (success or its failure).</summary>
    public static async Task<JsonObject?> EnsureCatalogAsync(TaskOrchestrationContext context, string tenantId, string connectionId)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await context.CallActivityAsync<bool>(nameof(CatalogPresentActivity), tenantId, StepRetry.Default))
        {
            return null;
        }

        // Chosen by the orchestrator (replay-safe), so a retried admission asks about the same workflow.
        var workflowId = $"wf_{context.NewGuid():N}"[..15];
        var ticket = await context.CallActivityAsync<WorkflowTicket>(nameof(AdmitProfileActivity), new AdmitProfileInput(tenantId, workflowId, connectionId), StepRetry.Default);
        return await context.CallSubOrchestratorAsync<JsonObject>(nameof(ProfileWarehouseOrchestration),
            new ProfileRunInput(ticket, connectionId, Sampling: false, SkipOnError: false), new SubOrchestrationOptions(instanceId: workflowId));
    }

    /// <summary>Whether a profile body says the catalog was stored.</summary>
    public static bool Succeeded(JsonObject profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile["status"]?.GetValue<string>() == WorkflowStatus.Success;
    }
}
