using System.Text.Json;
using Autopilot.Core.Api;
using Autopilot.Core.Audit;
using Autopilot.Core.Connectors;
using Autopilot.Core.Costs;
using Autopilot.Core.Engine;
using Autopilot.Core.Storage;
using Autopilot.Core.Tenancy;
using Autopilot.Core.Workflows;
using Microsoft.AspNetCore.Http;

namespace Autopilot.Core.Queries;

/// <summary>HTTP handlers of query preview and approve-run (spec §6).</summary>
public static class QueryEndpoints
{
    /// <summary><c>POST /api/v1/queries/preview</c>: gate, dry run and cost decision; admitted previews are stored (ready ones pre-approved).</summary>
    public static async Task<ApiResult> Preview(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tenant = context.Authorize(BodyText(context, "org_id") ?? string.Empty);
        var sql = BodyText(context, "sql");
        if (string.IsNullOrWhiteSpace(sql))
        {
            throw new ApiError(StatusCodes.Status400BadRequest, "sql is required");
        }

        var connectionId = await ActiveConnectionAsync(context, tenant);
        QueryPlan plan;
        try
        {
            plan = await context.Service<QueryPath>().PlanAsync(tenant, connectionId, sql, context.Cancellation);
        }
        catch (WorkflowStepException failed)
        {
            // Refusals come back as a blocked plan; what is left is the warehouse failing (down, slow, denying access).
            throw new ApiError(WarehouseFailureStatus.Of(failed.Failure), CompleteWorkflowRunActivity.Sanitize(failed.Reason));
        }

        var audit = context.Service<AuditLog>();
        if (plan.Status == QueryPlanStatus.Blocked)
        {
            await audit.AppendAsync(tenant, "query_previewed", new { status = "blocked", requires_approval = false }, context.Cancellation);
            return plan.Reasons.Contains(CostGate.BudgetExceeded) && plan.Budget is { } budget
                ? ApiResult.Ok(new { status = "blocked", reasons = plan.Reasons, bytes_remaining = budget.BytesRemaining, budget = budget.Budget })
                : ApiResult.Ok(new { status = "blocked", reasons = plan.Reasons });
        }

        var now = context.Service<TimeProvider>().GetUtcNow();
        var requiresApproval = plan.Status == QueryPlanStatus.ApprovalRequired;
        var preview = new QueryPreview(
            Ids.New("qry"), tenant, connectionId, plan.Sql!, requiresApproval ? PreviewStatus.Pending : PreviewStatus.Ready,
            plan.EstimatedBytes, (long)Math.Round(plan.EstimatedCostUsd * 100, MidpointRounding.AwayFromZero), requiresApproval,
            now, now + context.Service<QueryPath>().Options.PreviewTtl, requiresApproval ? null : now, null, null, null, null);
        await context.Service<QueryPreviewStore>().AddAsync(preview, context.Cancellation);
        await audit.AppendAsync(tenant, "query_previewed", new { status = preview.Status, requires_approval = requiresApproval }, context.Cancellation);
        return ApiResult.Ok(new
        {
            status = preview.Status,
            preview_id = preview.PreviewId,
            sql = preview.Sql,
            estimated_bytes = preview.EstimatedBytes,
            estimated_cost_usd = preview.EstimatedCostCents / 100.0,
            requires_approval = requiresApproval,
            reasons = plan.Reasons,
            expires_at = ApiTime.Format(preview.ExpiresAt),
        });
    }

    /// <summary>
    /// <c>POST /api/v1/queries/approve-run</c>: approves (if needed) and runs a preview exactly once; later calls get the
    /// stored result. Expired previews are refused. <c>show_pii: true</c> (admin only) shows PII columns unredacted.
    /// </summary>
    public static async Task<ApiResult> ApproveRun(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tenant = context.Authorize(BodyText(context, "org_id") ?? string.Empty);
        var previewId = BodyText(context, "preview_id");
        if (string.IsNullOrEmpty(previewId))
        {
            throw new ApiError(StatusCodes.Status400BadRequest, "preview_id is required");
        }

        var showPii = context.Body is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty("show_pii", out var flag) && flag.ValueKind == JsonValueKind.True;
        if (showPii && context.Identity.Role != UserRole.Admin)
        {
            throw new ApiError(StatusCodes.Status403Forbidden, "Insufficient role: showing PII requires admin");
        }

        var store = context.Service<QueryPreviewStore>();
        var time = context.Service<TimeProvider>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var found = await store.GetAsync(tenant, previewId, context.Cancellation)
                ?? throw new ApiError(StatusCodes.Status404NotFound, "preview_id not found");
            var (preview, etag) = found;
            var now = time.GetUtcNow();
            if (preview.Status == PreviewStatus.Executed)
            {
                return Executed(preview, cached: true);
            }

            if (now > preview.ExpiresAt)
            {
                throw new ApiError(StatusCodes.Status409Conflict, "preview expired; preview the query again");
            }

            // A preview an agent run made: approving it lets the waiting run go on; the run executes it.
            if (preview.AgentRunId is { } runId)
            {
                await Agent.AgentEndpoints.RaiseApprovalAsync(context.Durable, runId, approved: true, context.Identity.Role.ToString().ToLowerInvariant(), context.Cancellation);
                await store.TryReplaceAsync(preview with { Status = PreviewStatus.Approved, ApprovedAt = now, ApprovedBy = context.Identity.Role.ToString().ToLowerInvariant() }, etag, context.Cancellation);
                return ApiResult.Ok(new
                {
                    status = PreviewStatus.Approved,
                    preview_id = preview.PreviewId,
                    run_id = runId,
                    status_url = $"/api/v1/agent/runs/{Uri.EscapeDataString(runId)}?org_id={Uri.EscapeDataString(tenant)}",
                });
            }

            if (preview.Status == PreviewStatus.Executing && now - (preview.ApprovedAt ?? preview.CreatedAt) < context.Service<QueryPath>().Options.Timeout * 2)
            {
                throw new ApiError(StatusCodes.Status409Conflict, "preview is already running; call again for its result");
            }

            var claimed = preview with
            {
                Status = PreviewStatus.Executing,
                ApprovedAt = now,
                ApprovedBy = preview.ApprovedBy ?? (preview.RequiresApproval ? context.Identity.Role.ToString().ToLowerInvariant() : null),
            };
            if (!await store.TryReplaceAsync(claimed, etag, context.Cancellation))
            {
                continue; // someone else moved it first: look again
            }

            return await RunClaimedAsync(context, claimed, showPii);
        }

        throw new ApiError(StatusCodes.Status409Conflict, "preview is changing; try again");
    }

    private static async Task<ApiResult> RunClaimedAsync(ApiContext context, QueryPreview claimed, bool showPii)
    {
        var store = context.Service<QueryPreviewStore>();
        var path = context.Service<QueryPath>();
        var audit = context.Service<AuditLog>();
        async Task ReleaseClaimAsync()
        {
            if (await store.GetAsync(claimed.TenantId, claimed.PreviewId, CancellationToken.None) is { } current)
            {
                await store.TryReplaceAsync(current.Preview with { Status = PreviewStatus.Approved }, current.ETag, CancellationToken.None);
            }
        }

        try
        {
            // The query goes through the whole path again: the gate, and the budget as it is now.
            var plan = await path.PlanAsync(claimed.TenantId, claimed.ConnectionId, claimed.Sql, context.Cancellation);
            if (plan.Status == QueryPlanStatus.Blocked)
            {
                await ReleaseClaimAsync();
                await audit.AppendAsync(claimed.TenantId, "query_approved_run", new { preview_id = claimed.PreviewId, status = "blocked", actual_bytes = 0 }, context.Cancellation);

                // The warehouse changed since the preview (a table, column or function is gone): the approval cannot stand.
                return plan.RuleIds.Contains(QueryPath.WarehouseRejectedRule)
                    ? throw new ApiError(StatusCodes.Status409Conflict, "The query no longer fits the warehouse: " + string.Join("; ", plan.Reasons))
                    : ApiResult.Ok(new { status = "blocked", reasons = plan.Reasons });
            }

            var outcome = await path.RunAsync(plan with { Status = QueryPlanStatus.Ready }, claimed.PreviewId, showPii, null, context.Cancellation);
            var executed = await StoreResultAsync(context, claimed, outcome);
            await audit.AppendAsync(claimed.TenantId, "query_approved_run", new { preview_id = claimed.PreviewId, status = "executed", actual_bytes = outcome.ActualBytes }, context.Cancellation);
            return Executed(executed, cached: false);
        }
        catch (QueryBlockedException blocked)
        {
            await ReleaseClaimAsync();
            return ApiResult.Ok(new { status = "blocked", reasons = blocked.Reasons });
        }
        catch (WorkflowStepException failed)
        {
            await ReleaseClaimAsync();
            throw new ApiError(WarehouseFailureStatus.Of(failed.Failure), CompleteWorkflowRunActivity.Sanitize(failed.Reason));
        }
        catch
        {
            await ReleaseClaimAsync();
            throw;
        }
    }

    private static async Task<QueryPreview> StoreResultAsync(ApiContext context, QueryPreview claimed, QueryOutcome outcome)
    {
        var rows = outcome.Rows;
        while (true)
        {
            var result = JsonSerializer.Serialize(new
            {
                columns = outcome.Columns,
                rows,
                truncated = outcome.Truncated || rows.Count < outcome.Rows.Count,
                redacted_columns = outcome.RedactedColumns,
                cache_hit = outcome.CacheHit,
            }, AutopilotJson.Options);
            var executed = claimed with
            {
                Status = PreviewStatus.Executed,
                ExecutedAt = context.Service<TimeProvider>().GetUtcNow(),
                ActualBytes = outcome.ActualBytes,
                ResultJson = result,
            };
            try
            {
                var current = await context.Service<QueryPreviewStore>().GetAsync(claimed.TenantId, claimed.PreviewId, CancellationToken.None);
                await context.Service<QueryPreviewStore>().TryReplaceAsync(executed, current!.Value.ETag, CancellationToken.None);
                return executed;
            }
            catch (InvalidOperationException) when (rows.Count > 1)
            {
                rows = rows.Take(rows.Count / 2).ToList(); // keep what fits; the response says it was truncated
            }
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

    /// <summary>The tenant's connection id; a disconnected connection runs nothing (QRY-2).</summary>
    private static async Task<string> ActiveConnectionAsync(ApiContext context, string tenant)
    {
        var connectionId = ConnectionStore.IdFor(tenant);
        var connection = await context.Service<ConnectionStore>().GetAsync(tenant, connectionId, context.Cancellation);
        return connection is { Status: ConnectionStatus.Disconnected }
            ? throw new ApiError(StatusCodes.Status409Conflict, $"Connection {connectionId} is disconnected; connect it again before querying")
            : connectionId;
    }

    private static string? BodyText(ApiContext context, string name) =>
        context.Body is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
