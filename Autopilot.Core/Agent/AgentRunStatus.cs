using System.Text.Json;
using Autopilot.Core.Engine;
using Microsoft.DurableTask.Client;

namespace Autopilot.Core.Agent;

/// <summary>
/// What a running agent run publishes as its custom status, written and read as this one record: its stage; the
/// gate's figures while it awaits approval; its queue standing while it waits for a slot (the fields
/// <c>AdmissionSteps</c> publishes: state, queue_id, queue_position, reason).
/// </summary>
public sealed record AgentRunStatus(
    string? Stage,
    string? PreviewId = null,
    IReadOnlyList<string>? Reasons = null,
    string? NextAction = null,
    long? EstimatedBytes = null,
    double? EstimatedCostUsd = null,
    string? State = null,
    string? QueueId = null,
    int? QueuePosition = null,
    string? Reason = null)
{
    /// <summary>The status a run set last; null before it set any.</summary>
    public static AgentRunStatus? Read(OrchestrationMetadata instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return Parse(instance.SerializedCustomStatus);
    }

    public static AgentRunStatus? Parse(string? serialized) =>
        string.IsNullOrEmpty(serialized) ? null : JsonSerializer.Deserialize<AgentRunStatus>(serialized, AutopilotJson.Options);

    /// <summary>A run still running whose published stage is the approval wait.</summary>
    public static bool IsAwaitingApproval(OrchestrationMetadata instance) =>
        instance is { RuntimeStatus: OrchestrationRuntimeStatus.Running } && Read(instance)?.Stage == AgentStage.AwaitingApproval;

    /// <summary>
    /// A run still waiting for an agent slot in its tenant's queue: it says so once it has published a status; before
    /// that — not started, or running its first step on a busy worker — its input says whether admission queued it.
    /// </summary>
    public static bool IsQueued(OrchestrationMetadata instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return instance.RuntimeStatus switch
        {
            OrchestrationRuntimeStatus.Running when Read(instance) is { } published => published.State == Workflows.WorkflowStatus.Queued,
            OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending => instance.ReadInputAs<AgentRunInput>()?.Queued == true,
            _ => false,
        };
    }
}
