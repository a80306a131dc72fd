using Autopilot.Core.Admission;
using Autopilot.Core.Api;
using Autopilot.Core.Audit;
using Microsoft.AspNetCore.Http;

namespace Autopilot.Core.Workflows;

public static partial class WorkflowEndpoints
{
    /// <summary><c>GET /api/v1/workflows/limits</c>: the tenant's admission limits (its own, or the defaults).</summary>
    public static async Task<ApiResult> Limits(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tenant = context.Tenant;
        var policy = context.Service<AdmissionPolicy>();
        var limits = await policy.LimitsForAsync(tenant, context.Cancellation);
        return ApiResult.Ok(new
        {
            org_id = tenant,
            concurrency_limit = limits.Total,
            profile_limit = limits.Profile,
            agent_limit = limits.Agent,
            defaults = limits == policy.Defaults,
            service = await ServiceInFlightAsync(context),
        });
    }

    /// <summary>
    /// The service-wide in-flight limit as a tenant sees it: the limit, how many workflows of all tenants hold a slot,
    /// and the reason its own work shows in the queue while the limit is reached.
    /// </summary>
    private static async Task<object> ServiceInFlightAsync(ApiContext context)
    {
        var slots = context.Service<ServiceSlots>();
        var holders = await slots.HoldersAsync(context.Cancellation);
        return new { in_flight_limit = slots.Limit, in_flight = holders.Count, at_limit = holders.Count >= slots.Limit, queued_reason = QueueReasons.ServiceLimit };
    }

    /// <summary>Schema stage of <see cref="SetLimits"/>.</summary>
    public static object BindLimits(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.BindBody<LimitsRequest>();
    }

    /// <summary><c>POST /api/v1/workflows/limits</c> (admin): sets the tenant's concurrency limits (workflows, profiles, agent runs); takes effect at the next admission.</summary>
    public static async Task<ApiResult> SetLimits(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request<LimitsRequest>();
        var tenant = context.Tenant;
        var current = await context.Service<AdmissionPolicy>().LimitsForAsync(tenant, context.Cancellation);
        var limits = new AdmissionLimits(request.ConcurrencyLimit ?? current.Total, request.ProfileLimit ?? Math.Min(current.Profile, request.ConcurrencyLimit ?? current.Total),
            request.AgentLimit ?? current.Agent);
        if (limits.Total is < 1 or > 100 || limits.Profile < 1 || limits.Profile > limits.Total || limits.Agent is < 1 or > 100)
        {
            throw new ApiException(StatusCodes.Status400BadRequest, "concurrency_limit must be 1–100, profile_limit 1–concurrency_limit and agent_limit 1–100");
        }

        await context.Service<Tenants.TenantSettingsStore>().SetAsync(tenant, AdmissionPolicy.SettingName, limits, context.Cancellation);
        await context.Service<AuditLog>().AppendAsync(tenant, "workflow_limits_updated", new { concurrency_limit = limits.Total, profile_limit = limits.Profile, agent_limit = limits.Agent }, context.Cancellation);

        // Raising a limit may let queued work start now.
        await context.Service<QueueProcessor>().ProcessTenantAsync(context.Durable, tenant, context.Cancellation);
        return ApiResult.Ok(new { org_id = tenant, concurrency_limit = limits.Total, profile_limit = limits.Profile, agent_limit = limits.Agent });
    }
}
