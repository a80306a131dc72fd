using Autopilot.Core.Caching;
using Microsoft.Extensions.Time.Testing;

namespace Autopilot.Tests.Caching;

/// <summary>The cache with no REDIS_URL: the per-process memory store, on a fake clock.</summary>
public sealed class MemoryCacheTests : CacheContract
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

    protected override TimeSpan ShortTtl => TimeSpan.FromSeconds(300);

    protected override IAutopilotCache Create(CacheOptions options) => new AutopilotCache(new RedisConnection(string.Empty, _time), options, _time);

    protected override Task PassAsync(TimeSpan by)
    {
        _time.Advance(by);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task An_entry_lives_exactly_its_TTL()
    {
        var cache = Create(new CacheOptions());
        var key = CacheKey.Query(NewTenant(), "conn_1", "SELECT 1");
        await cache.GetOrCreateAsync(key, _ => Task.FromResult(1), None);

        _time.Advance(TimeSpan.FromSeconds(300) - TimeSpan.FromMilliseconds(1));
        Assert.True((await cache.GetOrCreateAsync(key, _ => Task.FromResult(2), None)).CacheHit);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False((await cache.GetOrCreateAsync(key, _ => Task.FromResult(3), None)).CacheHit);
    }

    [Fact]
    public async Task Expired_entries_are_not_counted_by_invalidation()
    {
        var cache = Create(new CacheOptions());
        var tenant = NewTenant();
        await cache.GetOrCreateAsync(CacheKey.Query(tenant, "conn_1", "SELECT 1"), _ => Task.FromResult(1), None);
        await cache.GetOrCreateAsync(CacheKey.Schema(tenant, "conn_1"), _ => Task.FromResult(1), None);

        _time.Advance(TimeSpan.FromSeconds(301));

        Assert.Equal(1, await cache.InvalidateTenantAsync(tenant, None));
    }
}
