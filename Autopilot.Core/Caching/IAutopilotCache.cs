namespace Autopilot.Core.Caching;

/// <summary>
/// Cache-aside for schemas, profile statistics and query results: Redis when it answers, a per-process memory
/// store otherwise (CACHE-1). Invalidation removes from both.
/// </summary>
public interface IAutopilotCache
{
    /// <summary>The cached value, or the factory's (stored with the domain's TTL); says which it was.</summary>
    Task<CacheResult<T>> GetOrCreateAsync<T>(CacheKey key, Func<CancellationToken, Task<T>> factory, CancellationToken cancellation);

    /// <summary>Removes every key starting with <paramref name="prefix"/> (raw text); returns how many were removed.</summary>
    Task<long> InvalidateAsync(string prefix, CancellationToken cancellation);

    /// <summary>Removes one connection's schema, profiles and query results (refresh, reconnect, disconnect).</summary>
    Task<long> InvalidateConnectionAsync(string tenantId, string connectionId, CancellationToken cancellation);

    /// <summary>How many entries are cached for a tenant in every domain (purge preview and verification).</summary>
    Task<long> CountTenantAsync(string tenantId, CancellationToken cancellation);

    /// <summary>Removes everything cached for a tenant (purge).</summary>
    Task<long> InvalidateTenantAsync(string tenantId, CancellationToken cancellation);
}
