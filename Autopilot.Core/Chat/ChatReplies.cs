using System.Text.Json;
using System.Text.Json.Nodes;
using Autopilot.Core.Agent;
using Autopilot.Core.Workflows;
using Microsoft.DurableTask.Client;

namespace Autopilot.Core.Chat;

/// <summary>
/// Maps what a chat turn started to CHAT-3/4's replies: an agent run's answer (query_result / approval_required / blocked /
/// error) and a workflow's (workflow_result / queued / error), with the seed's summaries; provisional replies (queued, or
/// still running) carry the instance id as <see cref="ChatReply.PendingWorkflowId"/>.
/// </summary>
public static class ChatReplies
{
    public const string QueryFailedWarning = "query_execution_error";
    public const string WorkflowFailedWarning = "workflow_error";

    /// <summary>An agent run's reply once it has one to give: null while it is queued or still running.</summary>
    public static ChatReply? FromAgentRun(OrchestrationMetadata instance, string tenant, ChatMeta meta)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed && instance.ReadOutputAs<JsonObject>() is { } output)
        {
            return FromAgentAnswer(output, meta);
        }

        if (AgentRunStatus.IsAwaitingApproval(instance) && AgentRunStatus.Read(instance) is { } gate)
        {
            return Reply(ChatResponseTypes.ApprovalRequired, "Query requires approval before it runs.", new JsonObject
            {
                ["preview_id"] = gate.PreviewId,
                ["estimated_bytes"] = gate.EstimatedBytes,
                ["estimated_cost_usd"] = gate.EstimatedCostUsd,
                ["reasons"] = new JsonArray((gate.Reasons ?? []).Select(r => (JsonNode?)r).ToArray()),
                ["instructions"] = "Approve via /api/v1/queries/approve-run with preview_id.",
                ["run_id"] = instance.InstanceId,
                ["endpoint_approve_agent_run"] = $"/api/v1/agent/runs/{instance.InstanceId}/approve?org_id={Uri.EscapeDataString(tenant)}",
            }, [], meta);
        }

        return instance.RuntimeStatus switch
        {
            OrchestrationRuntimeStatus.Failed => QueryFailed(CompleteWorkflowRunActivity.Sanitize(instance.FailureDetails?.ErrorMessage), meta),
            OrchestrationRuntimeStatus.Terminated => QueryFailed("the run was cancelled", meta),
            _ => null,
        };
    }

    /// <summary>An agent run's final answer (spec §3.1's body) in chat's words.</summary>
    public static ChatReply FromAgentAnswer(JsonObject output, ChatMeta meta)
    {
        ArgumentNullException.ThrowIfNull(output);
        var type = output["response_type"]?.GetValue<string>();
        var summary = output["summary"]?.GetValue<string>() ?? string.Empty;
        var warnings = output["warnings"] is JsonArray list ? list.Select(w => w?.GetValue<string>() ?? string.Empty).ToList() : [];
        var data = output["data"]?.DeepClone() as JsonObject ?? [];
        if (output["run_id"] is { } runId)
        {
            data["run_id"] = runId.DeepClone();
        }

        var sql = output["provenance"]?["sql"] ?? output["plan"]?["steps"]?[0]?["sql"];
        if (sql is not null && !data.ContainsKey("sql"))
        {
            data["sql"] = sql.DeepClone();
        }

        return type switch
        {
            AgentResponseTypes.QueryResult => Reply(ChatResponseTypes.QueryResult, "Query completed.", data, warnings, meta),
            AgentResponseTypes.Blocked => Reply(ChatResponseTypes.Blocked, "Query blocked by safety or budget gates.", data, warnings, meta),
            AgentResponseTypes.ClarificationNeeded => Reply(ChatResponseTypes.Error, summary, data, [.. warnings, AgentResponseTypes.ClarificationNeeded], meta),
            _ => Reply(ChatResponseTypes.Error, $"Query execution failed: {summary}", data, [.. warnings, QueryFailedWarning], meta),
        };
    }

    /// <summary>A run admission queued, or one still running when the wait ended: provisional.</summary>
    public static ChatReply QueryPending(string tenant, string runId, AgentRunLaunch? queued, ChatMeta meta)
    {
        var data = new JsonObject
        {
            ["run_id"] = runId,
            ["workflow_id"] = runId,
            ["status"] = queued is null ? WorkflowStatus.Running : WorkflowStatus.Queued,
            ["status_url"] = AgentEndpoints.StatusUrl(tenant, runId),
        };
        if (queued is not null)
        {
            data["queue_id"] = queued.Decision.QueueId;
            data["queue_position"] = queued.Decision.Position;
            data["reason"] = queued.Decision.Reason;
        }

        var summary = queued is null ? "Query is running; its answer follows when it finishes." : "Query is queued due to concurrency limits.";
        return Reply(ChatResponseTypes.Queued, summary, data, [], meta) with { PendingWorkflowId = runId };
    }

    public static ChatReply QueryFailed(string message, ChatMeta meta, JsonObject? data = null) =>
        Reply(ChatResponseTypes.Error, $"Query execution failed: {message}", data ?? [], [QueryFailedWarning], meta);

    /// <summary>A workflow's reply once it has finished: null while it is queued or running.</summary>
    public static ChatReply? FromWorkflow(string action, OrchestrationMetadata instance, ChatMeta meta)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var words = ChatWorkflowWords.For(action);
        return instance.RuntimeStatus switch
        {
            // The flow's own body, which may itself be the partial-failure body (CHAT-4).
            OrchestrationRuntimeStatus.Completed => Reply(ChatResponseTypes.WorkflowResult, words.Completed, instance.ReadOutputAs<JsonObject>() ?? [], [], meta),
            OrchestrationRuntimeStatus.Failed => WorkflowFailed(action, CompleteWorkflowRunActivity.Sanitize(instance.FailureDetails?.ErrorMessage), meta,
                new JsonObject { ["workflow_id"] = instance.InstanceId }),
            OrchestrationRuntimeStatus.Terminated => WorkflowFailed(action, "the workflow was cancelled", meta, new JsonObject { ["workflow_id"] = instance.InstanceId }),
            _ => null,
        };
    }

    /// <summary>A workflow admission queued (its seed summary names the reason), or one still running: provisional.</summary>
    public static ChatReply WorkflowPending(string action, LaunchResult launch, ChatMeta meta)
    {
        ArgumentNullException.ThrowIfNull(launch);
        var words = ChatWorkflowWords.For(action);
        var statusUrl = WorkflowResponses.StatusUrl(launch.Ticket.TenantId, launch.WorkflowId);
        ChatReply reply;
        if (!launch.Decision.Admitted)
        {
            var reason = launch.Decision.Reason ?? "concurrency_limit";
            var summary = reason == "concurrency_limit" ? $"{words.Queued} is queued due to concurrency limits." : $"{words.Queued} is queued ({reason}).";
            reply = Reply(ChatResponseTypes.Queued, summary, new JsonObject
            {
                ["workflow_status"] = WorkflowStatus.Queued,
                ["queue_id"] = launch.Decision.QueueId,
                ["queue_position"] = launch.Decision.Position,
                ["reason"] = reason,
                ["message"] = "Request queued.",
                ["workflow_id"] = launch.WorkflowId,
                ["status_url"] = statusUrl,
            }, [], meta);
        }
        else
        {
            reply = Reply(ChatResponseTypes.Queued, $"{words.Queued} is running; its result follows when it finishes.", new JsonObject
            {
                ["workflow_id"] = launch.WorkflowId,
                ["status"] = WorkflowStatus.Running,
                ["status_url"] = statusUrl,
            }, [], meta);
        }

        return reply with { PendingWorkflowId = launch.WorkflowId };
    }

    public static ChatReply WorkflowFailed(string action, string message, ChatMeta meta, JsonObject? data = null) =>
        Reply(ChatResponseTypes.Error, $"{ChatWorkflowWords.For(action).Failed} workflow failed: {message}", data ?? [], [WorkflowFailedWarning], meta);

    private static ChatReply Reply(string type, string summary, JsonObject data, IReadOnlyList<string> warnings, ChatMeta meta) =>
        new(type, summary, JsonSerializer.SerializeToElement(data), warnings, meta);
}
