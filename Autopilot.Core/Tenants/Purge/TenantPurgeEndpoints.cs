using System.Text.Json;
using Autopilot.Core.Api;
using Autopilot.Core.Audit;
using Autopilot.Core.Engine;
using Autopilot.Core.Storage;
using Autopilot.Core.Tenants.Data;
using Autopilot.Core.Workflows;
using DurableTask.Core.Exceptions;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Autopilot.Core.Tenants.Purge;

/// <summary>
/// Tenant purge routes (spec §9, PURGE-1..9 with §31's fixes): <c>confirm</c> must be the JSON boolean true, running
/// work blocks unless <c>force</c> (which cancels it first), and the purge is a durable orchestration that verifies it
/// left nothing. Refusals come after the role check, in the handler.
/// </summary>
public static class TenantPurgeEndpoints
{
    /// <summary>The seed's <c>counts</c>/<c>deleted</c> keys; stores beyond them are reported under their own names.</summary>
    public static readonly IReadOnlyList<string> SeedKeys =
    [
        "workflow_steps", "alert_notifications", "alerts", "query_approvals", "workflow_dead_letters", "workflow_queue", "workflow_runs",
        "feedback", "artifact_versions", "artifacts", "catalog_columns", "catalog_tables", "connections", "users", "tenant_rows",
    ];

    /// <summary><c>GET /api/v1/tenants/purge/preview?org_id=</c> (admin, PURGE-1): what a purge would remove, store by store.</summary>
    public static async Task<ApiResult> Preview(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tenant = context.Tenant;
        var stores = TenantDataSetFactory.Create(context.Http.RequestServices, context.Durable);
        var counts = await CountTenantStoresActivity.CountAllAsync(stores, tenant, context.Cancellation);
        var runs = await context.Service<WorkflowRunStore>().ListAsync(tenant, null, null, context.Cancellation);
        var marker = await context.Service<TenantPurgeMarkers>().GetAsync(TenantPurgeMarkers.KeyFor(tenant), context.Cancellation);
        var body = new
        {
            org_id = tenant,
            tenant_exists = counts.GetValueOrDefault("tenant_rows") > 0,
            active_workflows = runs.Count(r => r.Status == WorkflowStatus.Running),
            queued_workflows = runs.Count(r => r.Status == WorkflowStatus.Queued),
            estimated_cache_entries = counts.GetValueOrDefault(TenantCacheEntries.StoreName),
            audit_rows_retained = counts.GetValueOrDefault(AuditRows.StoreName),
            counts = Report(counts),
            purge_status = marker?.Status,
        };

        // While a purge runs, the preview must not add rows naming the tenant behind it.
        if (marker is not { Status: TenantPurgeStatus.Purging })
        {
            await context.Service<AuditLog>().AppendAsync(tenant, "tenant_purge_previewed", body, context.Cancellation);
        }

        return ApiResult.Ok(body);
    }

    /// <summary><c>POST /api/v1/tenants/purge</c> (admin): starts (or joins) the tenant's purge; 200 when it finishes within the wait, else 202.</summary>
    public static async Task<ApiResult> Purge(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tenant = context.Tenant;
        var body = context.Body;
        if (body is not { ValueKind: JsonValueKind.Object } json || !json.TryGetProperty("confirm", out var confirm) || confirm.ValueKind != JsonValueKind.True)
        {
            // The seed took any non-empty string as true, "false" included (PURGE-2): only the boolean true confirms.
            throw new ApiException(StatusCodes.Status400BadRequest, "confirm=true is required for purge execution");
        }

        var force = json.TryGetProperty("force", out var forced) && forced.ValueKind == JsonValueKind.True;
        var markers = context.Service<TenantPurgeMarkers>();
        var key = TenantPurgeMarkers.KeyFor(tenant);
        var wait = WorkflowResponses.WaitFor(context);
        if (await markers.GetAsync(key, context.Cancellation) is { Status: TenantPurgeStatus.Purging } running)
        {
            // A purge under way (its tenant record may be gone already): join it rather than answer 404.
            return await StartAndAnswerAsync(context, running, tenant, wait);
        }

        if (!await context.Service<TenantStore>().ExistsAsync(tenant, context.Cancellation))
        {
            throw new ApiException(StatusCodes.Status404NotFound, "tenant not found");
        }

        var runs = await context.Service<WorkflowRunStore>().ListAsync(tenant, WorkflowStatus.Running, null, context.Cancellation);
        if (runs.Count > 0 && !force)
        {
            throw new ApiException(StatusCodes.Status409Conflict, "blocked_active_workflows")
            {
                StructuredDetail = new { status = "blocked_active_workflows", tenant_id = tenant, active_workflows = runs.Count },
            };
        }

        if (force)
        {
            await context.Service<WorkflowCancellation>().CancelAllAsync(context.Durable, tenant, context.Cancellation);
        }

        var now = context.Service<TimeProvider>().GetUtcNow();
        var (marker, _) = await markers.BeginAsync(
            new TenantPurgeMarker(key, tenant, "anon_" + Ids.New("t")[2..], Ids.New("purge"), TenantPurgeStatus.Purging, force, now, null, null),
            context.Cancellation);
        return await StartAndAnswerAsync(context, marker, tenant, wait);
    }

    private static async Task<ApiResult> StartAndAnswerAsync(ApiContext context, TenantPurgeMarker marker, string tenant, TimeSpan wait)
    {
        var input = new TenantPurgeInput(marker.Key, context.Service<ServiceOptions>().PurgePageSize);
        try
        {
            await context.Durable.ScheduleNewOrchestrationInstanceAsync(nameof(TenantPurgeOrchestration), input, new StartOrchestrationOptions(marker.InstanceId).WithDedupeStatuses(
                OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended,
                OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated), context.Cancellation);
        }
        catch (OrchestrationAlreadyExistsException)
        {
            // Started by an earlier call (or this one's retry): the marker and the instance id are one purge.
        }

        var done = wait > TimeSpan.Zero ? await WorkflowWaiter.WaitAsync(context.Durable, marker.InstanceId, wait, context.Cancellation) : null;
        if (done is not { RuntimeStatus: OrchestrationRuntimeStatus.Completed })
        {
            return ApiResult.Accepted(new { status = TenantPurgeStatus.Purging, tenant_id = tenant, instance_id = marker.InstanceId, pseudonym = marker.Pseudonym });
        }

        var result = done.ReadOutputAs<TenantPurgeResult>()!;
        if (result.Status != TenantPurgeStatus.Purged)
        {
            // Not audited under the tenant: the audit trail of a purged tenant must stay pseudonymised.
            return ApiResult.Error(StatusCodes.Status409Conflict, new { status = result.Status, tenant_id = tenant, remaining = result.Remaining.Where(r => r.Value > 0).ToDictionary() });
        }

        return ApiResult.Ok(new
        {
            status = "purged",
            tenant_id = tenant,
            deleted = Report(result.Deleted),
            cache_entries_purged = result.Deleted.GetValueOrDefault(TenantCacheEntries.StoreName),
            audit_rows_retained = result.AuditRowsRetained,
            pseudonym = marker.Pseudonym,
            verification = result.Remaining,
            metabase = result.Metabase,
        });
    }

    /// <summary>The seed's keys first (0 where no store of that name exists, e.g. <c>users</c>), then every other store.</summary>
    private static Dictionary<string, long> Report(IReadOnlyDictionary<string, long> byStore)
    {
        var report = SeedKeys.ToDictionary(k => k, k => byStore.GetValueOrDefault(k), StringComparer.Ordinal);
        foreach (var (name, count) in byStore)
        {
            report.TryAdd(name, count);
        }

        return report;
    }
}
