using System.Globalization;
using System.Text.Json.Nodes;
using Autopilot.Core.Api;
using Autopilot.Core.Audit;
using Autopilot.Core.Connectors;
using Autopilot.Core.Engine;
using Autopilot.Core.Profiling;
using Autopilot.Core.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Autopilot.Core.Workflows;

public static class WorkflowEndpoints
{
    /// <summary><c>POST /api/v1/workflows/profile</c>: starts <see cref="ProfileWarehouseOrchestration"/>; 200 with its result within the wait, else 202.</summary>
    public static async Task<ApiResult> StartProfile(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tenant = context.Authorize(context.RequiredQuery("org_id"));
        var wait = WaitFor(context);
        var connectionId = ConnectionStore.IdFor(tenant);
        var connection = await context.Service<ConnectionStore>().GetAsync(tenant, connectionId, context.Cancellation);
        if (connection is { Status: ConnectionStatus.Disconnected })
        {
            throw new ApiError(StatusCodes.Status409Conflict, $"Connection {connectionId} is disconnected; connect it again before profiling");
        }

        var sampling = string.Equals(context.Query("sampling"), "true", StringComparison.OrdinalIgnoreCase);
        var workflowId = Ids.New("wf");
        var time = context.Service<TimeProvider>();
        await context.Service<WorkflowRunStore>().CreateAsync(
            new WorkflowRun(workflowId, tenant, WorkflowTypes.Profile, WorkflowStatus.Running, time.GetUtcNow(), null, connectionId, null),
            context.Cancellation);
        await context.Durable.ScheduleNewOrchestrationInstanceAsync(
            nameof(ProfileWarehouseOrchestration),
            new ProfileRunInput(tenant, workflowId, connectionId, sampling),
            new StartOrchestrationOptions(workflowId),
            context.Cancellation);

        return await AnswerAsync(context, tenant, workflowId, wait);
    }

    /// <summary><c>GET /api/v1/workflows/runs</c>: the tenant's runs, newest first, with optional exact filters (spec §5.9).</summary>
    public static async Task<ApiResult> ListRuns(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tenant = context.Authorize(context.RequiredQuery("org_id"));
        var status = context.Query("status");
        var workflowType = context.Query("workflow_type");
        var runs = await context.Service<WorkflowRunStore>().ListAsync(tenant, status, workflowType, context.Cancellation);
        await context.Service<AuditLog>().AppendAsync(tenant, "workflow_runs_listed", new { count = runs.Count, status, workflow_type = workflowType }, context.Cancellation);
        return ApiResult.Ok(new
        {
            org_id = tenant,
            items = runs.Select(r => new
            {
                workflow_id = r.WorkflowId,
                workflow_type = r.WorkflowType,
                status = r.Status,
                started_at = ApiTime.Format(r.StartedAt),
                finished_at = ApiTime.Format(r.FinishedAt),
            }),
        });
    }

    /// <summary><c>GET /api/v1/workflows/{workflow_id}/status</c>: run record, step states and, once finished, the result.</summary>
    public static async Task<ApiResult> Status(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tenant = context.Authorize(context.RequiredQuery("org_id"));
        var workflowId = context.RouteValue("workflow_id");
        var run = await context.Service<WorkflowRunStore>().GetAsync(tenant, workflowId, context.Cancellation)
            ?? throw new ApiError(StatusCodes.Status404NotFound, "workflow not found");
        var steps = await context.Service<StepStore>().ListAsync(tenant, workflowId, context.Cancellation);
        var instance = await context.Durable.GetInstanceAsync(workflowId, getInputsAndOutputs: true, context.Cancellation);
        return ApiResult.Ok(new
        {
            workflow_id = run.WorkflowId,
            workflow_type = run.WorkflowType,
            status = run.Status,
            runtime_status = instance?.RuntimeStatus.ToString().ToLowerInvariant(),
            progress = instance?.SerializedCustomStatus is { } progress ? JsonNode.Parse(progress) : null,
            started_at = ApiTime.Format(run.StartedAt),
            finished_at = ApiTime.Format(run.FinishedAt),
            steps = steps.Select(s => new
            {
                step = s.Step,
                status = s.Status,
                attempts = s.Attempts,
                started_at = ApiTime.Format(s.StartedAt),
                finished_at = ApiTime.Format(s.FinishedAt),
                output_hash = s.OutputHash,
                error = s.Error,
                executed_by = s.ExecutedBy,
            }),
            result = instance is { RuntimeStatus: OrchestrationRuntimeStatus.Completed } ? instance.ReadOutputAs<JsonObject>() : null,
        });
    }

    /// <summary>200 with the final body when the run ends within the wait; otherwise 202 with where to poll.</summary>
    private static async Task<ApiResult> AnswerAsync(ApiContext context, string tenant, string workflowId, TimeSpan wait)
    {
        var finished = wait > TimeSpan.Zero ? await WorkflowWaiter.WaitAsync(context.Durable, workflowId, wait, context.Cancellation) : null;
        var statusUrl = $"/api/v1/workflows/{Uri.EscapeDataString(workflowId)}/status?org_id={Uri.EscapeDataString(tenant)}";
        return finished switch
        {
            { RuntimeStatus: OrchestrationRuntimeStatus.Completed } done => ApiResult.Ok(done.ReadOutputAs<JsonObject>()!),
            { RuntimeStatus: OrchestrationRuntimeStatus.Terminated } => ApiResult.Ok(new { workflow_id = workflowId, status = WorkflowStatus.Cancelled }),
            { RuntimeStatus: OrchestrationRuntimeStatus.Failed } failed => ApiResult.Ok(new
            {
                workflow_id = workflowId,
                workflow_status = WorkflowStatus.Failed,
                error = failed.FailureDetails?.ErrorMessage,
            }),
            _ => ApiResult.Accepted(new { workflow_id = workflowId, workflow_status = WorkflowStatus.Running, status_url = statusUrl }),
        };
    }

    /// <summary>The configured wait, optionally shortened per request with <c>wait_seconds</c>.</summary>
    private static TimeSpan WaitFor(ApiContext context)
    {
        var configured = context.Service<ServiceOptions>().WorkflowWait;
        if (context.Query("wait_seconds") is not { } raw)
        {
            return configured;
        }

        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds < 0 || double.IsNaN(seconds))
        {
            throw ValidationError.Invalid("query", "wait_seconds", "float_parsing", "Input should be a non-negative number", raw);
        }

        return TimeSpan.FromSeconds(Math.Min(seconds, configured.TotalSeconds));
    }
}
