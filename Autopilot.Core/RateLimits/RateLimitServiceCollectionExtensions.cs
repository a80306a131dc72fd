using Autopilot.Core.Caching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Autopilot.Core.RateLimits;

public static class RateLimitServiceCollectionExtensions
{
    /// <summary>
    /// Registers the per-tenant rate limiter over the shared <see cref="RedisConnection"/> (register that first, e.g.
    /// with <c>AddCostsAndCaching</c>). Pass options read at start (<see cref="RateLimitOptions.Read"/>).
    /// </summary>
    public static IServiceCollection AddTenantRateLimits(this IServiceCollection services, RateLimitOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(options);
        services.TryAddSingleton(sp => new TenantRateLimiter(
            sp.GetRequiredService<RedisConnection>(), sp.GetRequiredService<RateLimitOptions>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<TenantRateLimiter>>()));
        return services;
    }
}
