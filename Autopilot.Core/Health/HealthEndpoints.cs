using Autopilot.Core.Api;

namespace Autopilot.Core.Health;

public static class HealthEndpoints
{
    /// <summary><c>GET /health</c>: touches no dependency (READY-1).</summary>
    public static Task<ApiResult> Health(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult(ApiResult.Ok(new { status = "ok", app = context.Service<ServiceOptions>().AppName }));
    }

    /// <summary><c>GET /ready</c>: every dependency with its mode; ok only when all are.</summary>
    public static async Task<ApiResult> Ready(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var checks = await context.Service<ReadinessProbe>().CheckAsync(context.Cancellation);
        var exposure = context.Service<Tenancy.IdentityExposure>();
        var auth = new
        {
            mode = exposure.Mode.ToString().ToLowerInvariant(),
            headers_trusted_from_network = exposure.HeadersTrustedFromNetwork,
            warning = exposure.HeadersTrustedFromNetwork ? Tenancy.IdentityExposure.Warning : null,
        };
        return ApiResult.Ok(new { ok = checks.Values.All(c => c.Ok), checks, auth });
    }
}
