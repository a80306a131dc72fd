using System.Text.Json.Nodes;
using Autopilot.Core.Api;
using Autopilot.Core.Audit;
using Autopilot.Core.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace Autopilot.Core.Workflows;

public static partial class WorkflowEndpoints
{
    /// <summary>
    /// <c>GET /api/v1/workflows/runs</c>: the tenant's runs, newest first, with optional exact filters (spec §5.9);
    /// paged by <c>limit</c> (default 50, at most 200) and <c>cursor</c> (the previous page's <c>next_cursor</c>).
    /// </summary>
    public static async Task<ApiResult> ListRuns(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tenant = context.Tenant;
        var status = context.Query("status");
        var workflowType = context.Query("workflow_type");
        var page = await context.Service<WorkflowRunStore>().ListPageAsync(tenant, status, workflowType, PageQuery.From(context), context.Cancellation);
        var runs = page.Items;
        await context.Service<AuditLog>().AppendAsync(tenant, "workflow_runs_listed", new { count = runs.Count, status, workflow_type = workflowType }, context.Cancellation);
        return ApiResult.Ok(new
        {
            org_id = tenant,
            next_cursor = page.NextCursor,
            items = runs.Select(r => new
            {
                workflow_id = r.WorkflowId,
                workflow_type = r.WorkflowType,
                status = r.Status,
                attempts = r.Attempts,
                failure_class = r.FailureClass,
                started_at = ApiTime.Format(r.StartedAt),
                admitted_at = ApiTime.Format(r.AdmittedAt),
                finished_at = ApiTime.Format(r.FinishedAt),
            }),
        });
    }

    /// <summary><c>GET /api/v1/workflows/{workflow_id}/status</c>: run record, queue standing, step states and, once finished, the result.</summary>
    public static async Task<ApiResult> Status(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tenant = context.Tenant;
        var workflowId = context.RouteValue("workflow_id");
        var run = await context.Service<WorkflowRunStore>().GetAsync(tenant, workflowId, context.Cancellation)
            ?? throw new ApiException(StatusCodes.Status404NotFound, "workflow not found");
        var steps = await context.Service<StepStore>().ListAsync(tenant, workflowId, context.Cancellation);
        var instance = await context.Durable.GetInstanceAsync(workflowId, getInputsAndOutputs: true, context.Cancellation);
        return ApiResult.Ok(new
        {
            workflow_id = run.WorkflowId,
            workflow_type = run.WorkflowType,
            status = run.Status,
            attempts = run.Attempts,
            failure_class = run.FailureClass,
            runtime_status = instance?.RuntimeStatus.ToString().ToLowerInvariant(),
            progress = instance?.SerializedCustomStatus is { } progress ? JsonNode.Parse(progress) : null,
            started_at = ApiTime.Format(run.StartedAt),
            admitted_at = ApiTime.Format(run.AdmittedAt),
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
            result = instance is { RuntimeStatus: OrchestrationRuntimeStatus.Completed } && WorkflowStatus.IsFinal(run.Status)
                ? instance.ReadOutputAs<JsonObject>()
                : null,
        });
    }

    /// <summary><c>POST /api/v1/workflows/{workflow_id}/cancel</c> (spec §5.10).</summary>
    public static async Task<ApiResult> Cancel(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tenant = context.Tenant;
        var workflowId = context.RouteValue("workflow_id");
        var run = await context.Service<WorkflowRunStore>().GetAsync(tenant, workflowId, context.Cancellation)
            ?? throw new ApiException(StatusCodes.Status404NotFound, "workflow not found");
        var after = await context.Service<WorkflowCancellation>().CancelAsync(context.Durable, run, context.Cancellation);
        await context.Service<AuditLog>().AppendAsync(tenant, "workflow_run_cancelled", new { workflow_id = workflowId, status = after.Status }, context.Cancellation);
        return ApiResult.Ok(new
        {
            workflow_id = after.WorkflowId,
            workflow_type = after.WorkflowType,
            status = after.Status,
            finished_at = ApiTime.Format(after.FinishedAt),
        });
    }

    /// <summary><c>POST /api/v1/workflows/cancel-all</c> (admin, spec §5.11).</summary>
    public static async Task<ApiResult> CancelAll(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tenant = context.Tenant;
        var (running, queued) = await context.Service<WorkflowCancellation>().CancelAllAsync(context.Durable, tenant, context.Cancellation);
        var body = new { cancelled_runs = running, cancelled_queued = queued };
        await context.Service<AuditLog>().AppendAsync(tenant, "workflows_cancel_all", body, context.Cancellation);
        return ApiResult.Ok(body);
    }
}
