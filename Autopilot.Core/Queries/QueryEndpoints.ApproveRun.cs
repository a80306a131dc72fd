using System.Text.Json;
using Autopilot.Core.Api;
using Autopilot.Core.Engine;
using Autopilot.Core.Storage;
using Autopilot.Core.Tenancy;
using Autopilot.Core.Workflows;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Autopilot.Core.Queries;

public static partial class QueryEndpoints
{
    /// <summary>A claim this recent with no run started yet belongs to a request that is starting it right now.</summary>
    private static readonly TimeSpan StartingGrace = TimeSpan.FromSeconds(10);

    /// <summary>
    /// <c>POST /api/v1/queries/approve-run</c>: approves (if needed) and runs a preview exactly once, as a durable query run
    /// (<see cref="QueryRunOrchestration"/>) whose id derives from the preview; waits WORKFLOW_WAIT_SECONDS for it, else
    /// 202. Later calls get the stored result. Expired previews are refused; a lost claim is 409. <c>show_pii: true</c>
    /// (admin only) shows PII columns unredacted.
    /// </summary>
    public static async Task<ApiResult> ApproveRun(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tenant = context.Tenant;
        var previewId = BodyText(context, "preview_id");
        if (string.IsNullOrEmpty(previewId))
        {
            throw new ApiException(StatusCodes.Status400BadRequest, "preview_id is required");
        }

        var showPii = context.Body is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty("show_pii", out var flag) && flag.ValueKind == JsonValueKind.True;
        if (showPii && context.Identity.Role != UserRole.Admin)
        {
            throw new ApiException(StatusCodes.Status403Forbidden, "Insufficient role: showing PII requires admin");
        }

        var store = context.Service<QueryPreviewStore>();
        var now = context.Service<TimeProvider>().GetUtcNow();
        var approver = context.Identity.Role.ToString().ToLowerInvariant();
        var (preview, etag) = await store.GetAsync(tenant, previewId, context.Cancellation)
            ?? throw new ApiException(StatusCodes.Status404NotFound, "preview_id not found");
        if (preview.Status == PreviewStatus.Executed)
        {
            return Executed(preview, cached: true);
        }

        if (preview.Status != PreviewStatus.Executing && now > preview.ExpiresAt)
        {
            throw new ApiException(StatusCodes.Status409Conflict, "preview expired; preview the query again");
        }

        // A preview an agent run made: approving it lets the waiting run go on; the run executes it.
        if (preview.AgentRunId is { } runId)
        {
            await PreviewClaim.ApproveAsync(store, preview, etag, approver, now, context.Cancellation);
            await Agent.AgentEndpoints.RaiseApprovalAsync(context.Durable, runId, approved: true, approver, context.Cancellation);
            return ApiResult.Ok(new
            {
                status = PreviewStatus.Approved,
                preview_id = preview.PreviewId,
                run_id = runId,
                status_url = $"/api/v1/agent/runs/{Uri.EscapeDataString(runId)}?org_id={Uri.EscapeDataString(tenant)}",
            });
        }

        var instanceId = QueryRunOrchestration.InstanceIdFor(tenant, preview.PreviewId);
        var started = false;
        if (!await IsRunningAsync(context, preview, instanceId, now))
        {
            // No run is under way: claim the preview (409 if another request got it first), then start its run.
            await PreviewClaim.ExecuteAsync(store, preview, etag, approver, now, context.Cancellation);
            await StartRunAsync(context.Durable, instanceId, new QueryRunInput(tenant, preview.PreviewId, showPii), context.Cancellation);
            started = true;
        }

        var finished = await WorkflowWaiter.WaitAsync(context.Durable, instanceId, WorkflowResponses.WaitFor(context), context.Cancellation);
        return finished is null
            ? ApiResult.Accepted(new
            {
                status = PreviewStatus.Executing,
                preview_id = preview.PreviewId,
                workflow_id = instanceId,
                workflow_status = WorkflowStatus.Running,
                message = "The query is running; call approve-run again with this preview_id for its result.",
            })
            : await AnswerRunAsync(context, finished, tenant, preview.PreviewId, started);
    }

    /// <summary>True when the preview's run is under way (or another request is starting it right now, which is a 409).</summary>
    private static async Task<bool> IsRunningAsync(ApiContext context, QueryPreview preview, string instanceId, DateTimeOffset now)
    {
        if (preview.Status != PreviewStatus.Executing)
        {
            return false;
        }

        var instance = await context.Durable.GetInstanceAsync(instanceId, getInputsAndOutputs: false, context.Cancellation);
        if (instance is { RuntimeStatus: OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running })
        {
            return true;
        }

        // Claimed a moment ago and not started yet: the claiming request is starting it. Older than that, the claimer
        // crashed before starting (or the run ended without executing): this request claims it again.
        return instance is null && now - (preview.ApprovedAt ?? preview.CreatedAt) < StartingGrace
            ? throw new ApiException(StatusCodes.Status409Conflict, "preview is already starting; call again for its result")
            : false;
    }

    /// <summary>Starts the run; an already running instance of that id (a concurrent start) is confirmed, not an error.</summary>
    private static async Task StartRunAsync(DurableTaskClient durable, string instanceId, QueryRunInput input, CancellationToken cancellation)
    {
        try
        {
            await durable.ScheduleNewOrchestrationInstanceAsync(nameof(QueryRunOrchestration), input, new StartOrchestrationOptions(instanceId), cancellation);
        }
        catch (Exception ex) when (ex.GetType().Name.Contains("AlreadyExists", StringComparison.Ordinal))
        {
            if (await durable.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellation) is not { RuntimeStatus: OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running })
            {
                throw;
            }
        }
    }

    private static async Task<ApiResult> AnswerRunAsync(ApiContext context, OrchestrationMetadata finished, string tenant, string previewId, bool started)
    {
        if (finished.RuntimeStatus != OrchestrationRuntimeStatus.Completed || finished.ReadOutputAs<QueryRunOutcome>() is not { } outcome)
        {
            throw new ApiException(StatusCodes.Status502BadGateway, "the query run did not finish: " + CompleteWorkflowRunActivity.Sanitize(finished.FailureDetails?.ErrorMessage));
        }

        switch (outcome.Status)
        {
            case QueryRunOutcome.ExecutedStatus:
                var (stored, _) = await context.Service<QueryPreviewStore>().GetAsync(tenant, previewId, context.Cancellation)
                    ?? throw new ApiException(StatusCodes.Status404NotFound, "preview_id not found");
                return Executed(stored, cached: !started);
            case QueryRunOutcome.BlockedStatus when outcome.WarehouseRejected:
                // The warehouse changed since the preview (a table, column or function is gone): the approval cannot stand.
                throw new ApiException(StatusCodes.Status409Conflict, "The query no longer fits the warehouse: " + string.Join("; ", outcome.Reasons));
            case QueryRunOutcome.BlockedStatus:
                return ApiResult.Ok(new { status = "blocked", reasons = outcome.Reasons });
            default:
                var failure = Enum.GetValues<FailureClass>().FirstOrDefault(f => FailureClasses.Code(f) == outcome.FailureClass, FailureClass.Internal);
                throw new ApiException(WarehouseFailureStatus.Of(failure), outcome.Error ?? "the query failed");
        }
    }

    private static ApiResult Executed(QueryPreview preview, bool cached)
    {
        using var result = JsonDocument.Parse(preview.ResultJson ?? "{}");
        var root = result.RootElement;
        return ApiResult.Ok(new
        {
            status = PreviewStatus.Executed,
            preview_id = preview.PreviewId,
            estimated_bytes = preview.EstimatedBytes,
            actual_bytes = preview.ActualBytes ?? 0,
            rows = root.TryGetProperty("rows", out var rows) ? rows.Clone() : default,
            columns = root.TryGetProperty("columns", out var columns) ? columns.Clone() : default,
            truncated = root.TryGetProperty("truncated", out var truncated) && truncated.GetBoolean(),
            redacted_columns = root.TryGetProperty("redacted_columns", out var redacted) ? redacted.Clone() : default,
            cache_hit = root.TryGetProperty("cache_hit", out var hit) && hit.GetBoolean(),
            stored_result = cached,
            executed_at = ApiTime.Format(preview.ExecutedAt),
        });
    }
}
