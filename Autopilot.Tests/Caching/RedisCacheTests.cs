using Autopilot.Core.Caching;
using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Caching;

/// <summary>The cache in the test run's redis-server.</summary>
public sealed class RedisCacheTests : CacheContract, IAsyncLifetime
{
    private readonly RedisConnection _redis = new(TestEnvironment.RedisEndpoint, TimeProvider.System);

    protected override TimeSpan ShortTtl => TimeSpan.FromSeconds(1);

    public Task InitializeAsync() => _redis.WaitAvailableAsync();

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    protected override IAutopilotCache Create(CacheOptions options) => new AutopilotCache(_redis, options, TimeProvider.System);

    protected override Task PassAsync(TimeSpan by) => Task.Delay(by);

    [Fact]
    public async Task Values_are_stored_as_the_projects_JSON_under_the_namespaced_key_with_the_domain_TTL()
    {
        var cache = Create(new CacheOptions { ProfileTtl = TimeSpan.FromSeconds(1234) });
        var tenant = NewTenant();
        var key = CacheKey.Profile(tenant, "conn_1", "events");

        await cache.GetOrCreateAsync(key, _ => Task.FromResult(new CachedSchema("analytics", ["events"], DateTimeOffset.UnixEpoch)), None);

        var db = _redis.TryGetDatabase()!;
        Assert.Equal($"profile:{tenant}:conn_1:events", key.Value);
        Assert.Equal("""{"dataset":"analytics","tables":["events"],"introspected_at":"1970-01-01T00:00:00+00:00"}""", (string?)await db.StringGetAsync(key.Value));
        Assert.InRange((await db.KeyTimeToLiveAsync(key.Value))!.Value, TimeSpan.FromSeconds(1200), TimeSpan.FromSeconds(1234));
    }

    [Fact]
    public async Task Invalidation_walks_many_keys_in_batches()
    {
        var cache = Create(new CacheOptions());
        var tenant = NewTenant();
        await Parallel.ForEachAsync(Enumerable.Range(0, 1234), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            Assert.False((await cache.GetOrCreateAsync(CacheKey.Query(tenant, "conn_1", $"SELECT {i}"), _ => Task.FromResult(i), ct)).CacheHit));

        Assert.Equal(1234, await cache.InvalidateConnectionAsync(tenant, "conn_1", None));
    }
}
