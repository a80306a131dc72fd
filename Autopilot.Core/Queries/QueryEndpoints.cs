using System.Text.Json;
using Autopilot.Core.Api;
using Autopilot.Core.Audit;
using Autopilot.Core.Connectors;
using Autopilot.Core.Costs;
using Autopilot.Core.Storage;
using Autopilot.Core.Workflows;
using Microsoft.AspNetCore.Http;

namespace Autopilot.Core.Queries;

/// <summary>HTTP handlers of query preview and approve-run (spec §6).</summary>
public static partial class QueryEndpoints
{
    /// <summary><c>POST /api/v1/queries/preview</c>: gate, dry run and cost decision; admitted previews are stored (ready ones pre-approved).</summary>
    public static async Task<ApiResult> Preview(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tenant = context.Tenant;
        var sql = BodyText(context, "sql");
        if (string.IsNullOrWhiteSpace(sql))
        {
            throw new ApiException(StatusCodes.Status400BadRequest, "sql is required");
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
            throw new ApiException(WarehouseFailureStatus.Of(failed.Failure), CompleteWorkflowRunActivity.Sanitize(failed.Reason));
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

    /// <summary>The tenant's connection id; a disconnected connection runs nothing (QRY-2).</summary>
    private static async Task<string> ActiveConnectionAsync(ApiContext context, string tenant)
    {
        var connectionId = ConnectionStore.IdFor(tenant);
        var connection = await context.Service<ConnectionStore>().GetAsync(tenant, connectionId, context.Cancellation);
        return connection is { Status: ConnectionStatus.Disconnected }
            ? throw new ApiException(StatusCodes.Status409Conflict, $"Connection {connectionId} is disconnected; connect it again before querying")
            : connectionId;
    }

    private static string? BodyText(ApiContext context, string name) =>
        context.Body is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
