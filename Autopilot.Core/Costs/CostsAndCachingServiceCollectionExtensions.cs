using Autopilot.Core.Caching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Autopilot.Core.Costs;

public static class CostsAndCachingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the shared Redis connection (from <see cref="ServiceOptions.RedisUrl"/>; empty → memory only), the
    /// cost limiter and gate, and the cache. Pass options read at start (<see cref="CostOptions.Read"/>,
    /// <see cref="CacheOptions.Read"/>) to fail early on bad values; otherwise they are read from
    /// <see cref="IConfiguration"/> on first use.
    /// </summary>
    public static IServiceCollection AddCostsAndCaching(this IServiceCollection services, ServiceOptions options, CostOptions? costs = null, CacheOptions? cache = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.TryAddSingleton(TimeProvider.System);
        if (costs is not null)
        {
            services.TryAddSingleton(costs);
        }

        if (cache is not null)
        {
            services.TryAddSingleton(cache);
        }

        services.TryAddSingleton(sp => CostOptions.Read(sp.GetRequiredService<IConfiguration>()));
        services.TryAddSingleton(sp => CacheOptions.Read(sp.GetRequiredService<IConfiguration>()));
        services.TryAddSingleton(sp => new RedisConnection(options.RedisUrl, sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<RedisConnection>>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RedisConnectionStarter>());
        services.TryAddSingleton(sp => new CostLimiter(
            sp.GetRequiredService<RedisConnection>(), sp.GetRequiredService<CostOptions>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<CostLimiter>>()));
        services.TryAddSingleton<CostGate>();
        services.TryAddSingleton<IAutopilotCache>(sp => new AutopilotCache(
            sp.GetRequiredService<RedisConnection>(), sp.GetRequiredService<CacheOptions>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<AutopilotCache>>()));
        return services;
    }
}
