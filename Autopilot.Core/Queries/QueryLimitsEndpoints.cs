using Autopilot.Core.Api;
using Autopilot.Core.Audit;
using Microsoft.AspNetCore.Http;

namespace Autopilot.Core.Queries;

/// <summary>HTTP handlers of an organisation's SQL gate limits.</summary>
public static class QueryLimitsEndpoints
{
    /// <summary><c>GET /api/v1/queries/limits</c>: the limits the gate applies to this tenant.</summary>
    public static async Task<ApiResult> Get(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tenant = context.Tenant;
        var effective = await context.Service<QueryPath>().GateOptionsAsync(tenant, context.Cancellation);
        return ApiResult.Ok(Describe(tenant, effective));
    }

    /// <summary>Schema stage of <see cref="Set"/>.</summary>
    public static object BindLimits(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.BindBody<TenantQueryLimits>();
    }

    /// <summary><c>POST /api/v1/queries/limits</c> (admin): sets the tenant's limits; omitted fields keep the service's.</summary>
    public static async Task<ApiResult> Set(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var limits = context.Request<TenantQueryLimits>();
        var tenant = context.Tenant;
        if (limits.Problem() is { } problem)
        {
            throw new ApiException(StatusCodes.Status400BadRequest, problem);
        }

        await context.Service<Tenants.TenantSettingsStore>().SetAsync(tenant, TenantQueryLimits.SettingName, limits, context.Cancellation);
        var effective = await context.Service<QueryPath>().GateOptionsAsync(tenant, context.Cancellation);
        await context.Service<AuditLog>().AppendAsync(tenant, "query_limits_updated", Describe(tenant, effective), context.Cancellation);
        return ApiResult.Ok(Describe(tenant, effective));
    }

    private static object Describe(string tenant, Sql.SqlGateOptions options) => new
    {
        org_id = tenant,
        default_limit = options.DefaultLimit,
        max_limit = options.EffectiveMaxLimit,
        max_join_depth = options.MaxJoinDepth,
        max_subquery_depth = options.MaxSubqueryDepth,
        time_window_days = options.DefaultTimeWindowDays,
        require_time_filter = options.RequireTimeFilter.ToString().ToLowerInvariant(),
    };
}
