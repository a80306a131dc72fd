using Autopilot.Core.Caching;

namespace Autopilot.Core.Tenants.Data;

/// <summary>The tenant's cache entries of every domain (schema, profile, query), in Redis and in this process's memory.</summary>
public sealed class TenantCacheEntries : ITenantData
{
    public const string StoreName = "cache_entries";
    private readonly IAutopilotCache _cache;

    public TenantCacheEntries(IAutopilotCache cache) => _cache = cache;

    public string Name => StoreName;

    public IReadOnlyList<string> Tables { get; } = [];

    public Task<long> CountAsync(string tenantId, CancellationToken cancellation) => _cache.CountTenantAsync(tenantId, cancellation);

    public async Task<int> RemovePageAsync(string tenantId, string pseudonym, int max, CancellationToken cancellation) =>
        (int)Math.Min(int.MaxValue, await _cache.InvalidateTenantAsync(tenantId, cancellation));
}
