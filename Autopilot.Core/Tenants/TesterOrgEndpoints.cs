using Autopilot.Core.Api;
using Autopilot.Core.Audit;
using Autopilot.Core.Caching;
using Autopilot.Core.Catalog;
using Autopilot.Core.Connectors;
using Autopilot.Core.Engine;
using Autopilot.Core.Profiling;
using Autopilot.Core.Warehouse;
using Autopilot.Core.Workflows;
using Microsoft.DurableTask.Client;

namespace Autopilot.Core.Tenants;

/// <summary>Tester onboarding (spec §14.1, #53): one call that makes a tenant usable end to end.</summary>
public static class TesterOrgEndpoints
{
    /// <summary>
    /// <c>POST /api/v1/admin/setup-tester-org</c> (admin): creates the tenant record, connects the demo warehouse (an active
    /// <c>conn_&lt;org&gt;</c> if none; a disconnected one is reconnected — the seed answered 500 there) and profiles it.
    /// Idempotent: a repeat re-profiles and answers the same shape. 200 with the catalog when the profile finishes within the
    /// bounded wait, else 202 with where to poll.
    /// </summary>
    public static async Task<ApiResult> Setup(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tenant = context.Tenant;
        var wait = WorkflowResponses.WaitFor(context);
        var existed = await context.Service<TenantStore>().EnsureAsync(tenant, "admin", context.Cancellation);

        var connections = context.Service<ConnectionStore>();
        var connectionId = ConnectionStore.IdFor(tenant);
        var connection = await connections.GetAsync(tenant, connectionId, context.Cancellation);
        if (connection is not { Status: ConnectionStatus.Active })
        {
            // The demo warehouse needs no credentials; a disconnected connection is brought back rather than refused.
            await connections.ConnectAsync(tenant, connectionId, context.Service<WarehouseResolver>().DefaultWarehouse, credentialsJson: null, context.Cancellation);
            await context.Service<IAutopilotCache>().InvalidateConnectionAsync(tenant, connectionId, context.Cancellation);
        }

        var launch = await context.Service<WorkflowLauncher>().LaunchAsync(context.Durable, tenant, WorkflowKinds.Profile, connectionId,
            ticket => new ProfileRunInput(ticket, connectionId, Sampling: false, SkipOnError: false), context.Cancellation);
        var finished = launch.Decision.Admitted && wait > TimeSpan.Zero
            ? await WorkflowWaiter.WaitAsync(context.Durable, launch.WorkflowId, wait, context.Cancellation)
            : null;
        if (finished is { RuntimeStatus: OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated })
        {
            return ApiResult.Ok(new
            {
                org_id = tenant,
                tenant_exists = existed,
                workflow_id = launch.WorkflowId,
                workflow_status = WorkflowStatus.Failed,
                error = CompleteWorkflowRunActivity.Sanitize(finished.FailureDetails?.ErrorMessage),
            });
        }

        if (finished is null)
        {
            return ApiResult.Accepted(new
            {
                org_id = tenant,
                tenant_exists = existed,
                workflow_id = launch.WorkflowId,
                workflow_status = launch.Decision.Admitted ? WorkflowStatus.Running : WorkflowStatus.Queued,
                status_url = WorkflowResponses.StatusUrl(tenant, launch.WorkflowId),
            });
        }

        var catalog = context.Service<CatalogStore>();
        var tables = (await catalog.ListTablesAsync(tenant, context.Cancellation)).Where(t => t.ConnectionId == connectionId).Select(t => t.Table).Order(StringComparer.Ordinal).ToList();
        var pii = (await catalog.ListColumnsAsync(tenant, context.Cancellation))
            .Where(c => c.ConnectionId == connectionId && c.IsPii)
            .OrderBy(c => c.Table, StringComparer.Ordinal).ThenBy(c => c.Column, StringComparer.Ordinal)
            .Select(c => new { table = c.Table, column = c.Column, confidence = c.PiiConfidence })
            .ToList();
        var body = new
        {
            org_id = tenant,
            tenant_exists = existed,
            tables_discovered = tables.Count,
            table_names = tables,
            pii_columns_flagged = pii.Count,
            pii_details = pii,
            workflow_id = launch.WorkflowId,
        };
        await context.Service<AuditLog>().AppendAsync(tenant, "tester_org_setup", body, context.Cancellation);
        return ApiResult.Ok(body);
    }
}
