using System.Text.Json;
using System.Text.Json.Nodes;
using Autopilot.Core.Api;
using Autopilot.Core.Engine;
using Autopilot.Core.Workflows;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace Autopilot.Core.Agent;

/// <summary>HTTP handlers of agent runs (spec §3.1), plus the run status and approval routes the durable run needs.</summary>
public static class AgentEndpoints
{
    /// <summary>Schema stage of <see cref="Run"/>: every field required, the message not empty (422, spec §0.3).</summary>
    public static object BindRun(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.BindBody<AgentRunRequest>();
        foreach (var (name, value) in new[] { ("org_id", request.OrgId), ("user_id", request.UserId), ("message", request.Message), ("session_id", request.SessionId) })
        {
            if (value is null)
            {
                throw ValidationException.Missing("body", name);
            }
        }

        if (request.Message!.Length == 0)
        {
            throw ValidationException.Invalid("body", "message", "string_too_short", "String should have at least 1 character", request.Message);
        }

        return request;
    }

    /// <summary><c>POST /api/v1/agent/run</c>: starts an <see cref="AgentRunOrchestration"/>; answers within the bounded wait or 202.</summary>
    public static async Task<ApiResult> Run(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request<AgentRunRequest>();
        var tenant = context.Tenant;
        var wait = WorkflowResponses.WaitFor(context);
        var (runId, decision) = await context.Service<AgentRunLauncher>().LaunchAsync(context.Durable, tenant, request.UserId!, request.SessionId!, request.Message!, context.Cancellation);
        if (!decision.Admitted)
        {
            return ApiResult.Accepted(new
            {
                run_id = runId,
                status = WorkflowStatus.Queued,
                queue_id = decision.QueueId,
                queue_position = decision.Position,
                reason = decision.Reason,
                status_url = StatusUrl(tenant, runId),
            });
        }

        return await AnswerAsync(context, tenant, runId, wait);
    }

    /// <summary><c>GET /api/v1/agent/runs/{run_id}</c>: the run's stage, or its final answer.</summary>
    public static async Task<ApiResult> Status(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tenant = context.Tenant;
        var instance = await FindAsync(context, tenant, context.RouteValue("run_id"));
        return ApiResult.Ok(Describe(instance, tenant));
    }

    /// <summary>
    /// <c>POST /api/v1/agent/runs/{run_id}/approve</c>: approves (or, with <c>{"approved": false}</c>, declines) the query a
    /// run waits on; the run continues durably.
    /// </summary>
    public static async Task<ApiResult> Approve(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tenant = context.Tenant;
        var runId = context.RouteValue("run_id");
        var wait = WorkflowResponses.WaitFor(context);
        var instance = await FindAsync(context, tenant, runId);
        if (!AgentRunStatus.IsAwaitingApproval(instance))
        {
            throw new ApiException(StatusCodes.Status409Conflict, $"Run {runId} is not waiting for an approval");
        }

        var approved = context.Body is not { ValueKind: JsonValueKind.Object } body || !body.TryGetProperty("approved", out var flag) || flag.ValueKind != JsonValueKind.False;
        await RaiseApprovalAsync(context.Durable, runId, approved, context.Identity.Role.ToString().ToLowerInvariant(), context.Cancellation);
        return await AnswerAsync(context, tenant, runId, wait, stopAtApproval: false);
    }

    /// <summary>Signals a waiting run (also used by approve-run when the preview belongs to an agent run).</summary>
    public static Task RaiseApprovalAsync(DurableTaskClient client, string runId, bool approved, string approvedBy, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.RaiseEventAsync(runId, AgentRunOrchestration.ApprovalEvent, new AgentApproval(approved, approvedBy), cancellation);
    }

    private static async Task<ApiResult> AnswerAsync(ApiContext context, string tenant, string runId, TimeSpan wait, bool stopAtApproval = true)
    {
        var instance = await WorkflowWaiter.WaitUntilAsync(context.Durable, runId, wait, i => stopAtApproval && AgentRunStatus.IsAwaitingApproval(i), context.Service<TimeProvider>(), context.Cancellation);
        if (instance is { RuntimeStatus: OrchestrationRuntimeStatus.Completed })
        {
            return ApiResult.Ok(instance.ReadOutputAs<JsonObject>()!);
        }

        return instance is not null && AgentRunStatus.IsAwaitingApproval(instance)
            ? ApiResult.Ok(Describe(instance, tenant))
            : ApiResult.Accepted(new { run_id = runId, status = "running", status_url = StatusUrl(tenant, runId) });
    }

    /// <summary>The run as the API shows it: final answer, the seed's approval-required "blocked" body, or its stage.</summary>
    private static JsonObject Describe(OrchestrationMetadata instance, string tenant)
    {
        if (instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed)
        {
            return instance.ReadOutputAs<JsonObject>()!;
        }

        var progress = AgentRunStatus.Read(instance);
        if (AgentRunStatus.IsAwaitingApproval(instance) && progress is not null)
        {
            return new JsonObject
            {
                ["response_type"] = AgentResponseTypes.Blocked,
                ["summary"] = "Query blocked by safety/cost gates",
                ["data"] = new JsonObject
                {
                    ["reasons"] = new JsonArray((progress.Reasons ?? []).Select(r => (JsonNode?)r).ToArray()),
                    ["gate"] = new JsonObject
                    {
                        ["approval_required"] = true,
                        ["next_action"] = progress.NextAction,
                        ["estimated_bytes"] = progress.EstimatedBytes,
                        ["estimated_cost_usd"] = progress.EstimatedCostUsd,
                    },
                    ["approval"] = new JsonObject
                    {
                        ["required"] = true,
                        ["endpoint_preview"] = "/api/v1/queries/preview",
                        ["endpoint_approve_run"] = "/api/v1/queries/approve-run",
                        ["message"] = "Preview this query, then approve and run.",
                        ["preview_id"] = progress.PreviewId,
                        ["endpoint_approve_agent_run"] = $"/api/v1/agent/runs/{instance.InstanceId}/approve?org_id={Uri.EscapeDataString(tenant)}",
                    },
                },
                ["warnings"] = new JsonArray(),
                ["run_id"] = instance.InstanceId,
                ["status"] = AgentStage.AwaitingApproval,
                ["status_url"] = StatusUrl(tenant, instance.InstanceId),
            };
        }

        if (AgentRunStatus.IsQueued(instance))
        {
            return new JsonObject
            {
                ["run_id"] = instance.InstanceId,
                ["status"] = WorkflowStatus.Queued,
                ["queue_id"] = progress?.QueueId,
                ["queue_position"] = progress?.QueuePosition,
                ["reason"] = progress?.Reason,
                ["status_url"] = StatusUrl(tenant, instance.InstanceId),
            };
        }

        return new JsonObject
        {
            ["run_id"] = instance.InstanceId,
            ["status"] = instance.RuntimeStatus.ToString().ToLowerInvariant(),
            ["stage"] = progress?.Stage,
            ["status_url"] = StatusUrl(tenant, instance.InstanceId),
            ["error"] = instance.FailureDetails?.ErrorMessage,
        };
    }

    /// <summary>The run, if it is this tenant's: another tenant's run behaves as unknown (TEN-7).</summary>
    private static async Task<OrchestrationMetadata> FindAsync(ApiContext context, string tenant, string runId)
    {
        var instance = await context.Durable.GetInstanceAsync(runId, getInputsAndOutputs: true, context.Cancellation);
        var input = instance?.Name == nameof(AgentRunOrchestration) ? instance.ReadInputAs<AgentRunInput>() : null;
        return input is not null && input.TenantId == tenant ? instance! : throw new ApiException(StatusCodes.Status404NotFound, "run not found");
    }

    /// <summary>Where a run's stage or final answer is read.</summary>
    public static string StatusUrl(string tenant, string runId) => $"/api/v1/agent/runs/{Uri.EscapeDataString(runId)}?org_id={Uri.EscapeDataString(tenant)}";
}
