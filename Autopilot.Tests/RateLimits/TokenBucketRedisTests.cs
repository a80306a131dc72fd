using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Autopilot.Core.Caching;
using Autopilot.Core.RateLimits;
using Autopilot.Tests.Caching;
using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.RateLimits;

/// <summary>The shared buckets in the test run's redis-server: two limiters stand for two replicas.</summary>
public sealed class TokenBucketRedisTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly RedisConnection _replicaA = new(TestEnvironment.RedisEndpoint, TimeProvider.System);
    private readonly RedisConnection _replicaB = new(TestEnvironment.RedisEndpoint, TimeProvider.System);

    public async Task InitializeAsync()
    {
        await _replicaA.WaitAvailableAsync();
        await _replicaB.WaitAvailableAsync();
    }

    public async Task DisposeAsync()
    {
        await _replicaA.DisposeAsync();
        await _replicaB.DisposeAsync();
    }

    [Fact]
    public async Task Two_replicas_share_one_bucket_per_tenant_and_class()
    {
        var options = Options(RouteClass.Write, new RateLimit(6, TimeSpan.FromMinutes(10)));
        var a = new TenantRateLimiter(_replicaA, options, TimeProvider.System);
        var b = new TenantRateLimiter(_replicaB, options, TimeProvider.System);
        var tenant = NewTenant();

        // Concurrently from both replicas: exactly the bucket's six tokens are handed out.
        var decisions = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => (i % 2 == 0 ? a : b).TakeAsync(RouteClass.Write, tenant, None)));
        var other = await b.TakeAsync(RouteClass.Write, NewTenant(), None);

        Assert.Equal(6, decisions.Count(d => d.Allowed));
        Assert.All(decisions.Where(d => !d.Allowed), d => Assert.InRange(d.RetryAfterSeconds, 1, 100));
        Assert.True(other.Allowed);
        Assert.Equal(0, a.FallbackCount + b.FallbackCount);
        var ttl = await _replicaA.TryGetDatabase()!.KeyTimeToLiveAsync($"rate_limit:write:{tenant}");
        Assert.InRange(ttl!.Value, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10.1));
    }

    [Fact]
    public async Task Tokens_refill_with_real_time_on_the_redis_clock()
    {
        // 2 per 4 seconds: after the burst one token is back within ~2 s (Redis's clock, not ours). The second token
        // is then 2 s away, far more than a loaded machine's stall between the last two calls.
        var options = Options(RouteClass.Read, new RateLimit(2, TimeSpan.FromSeconds(4)));
        var a = new TenantRateLimiter(_replicaA, options, TimeProvider.System);
        var b = new TenantRateLimiter(_replicaB, options, TimeProvider.System);
        var tenant = NewTenant();
        Assert.True((await a.TakeAsync(RouteClass.Read, tenant, None)).Allowed);
        Assert.True((await b.TakeAsync(RouteClass.Read, tenant, None)).Allowed);
        var refused = await a.TakeAsync(RouteClass.Read, tenant, None);
        Assert.False(refused.Allowed);
        Assert.InRange(refused.RetryAfter, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(2_000));

        await Task.Delay(refused.RetryAfter + TimeSpan.FromMilliseconds(60));

        Assert.True((await b.TakeAsync(RouteClass.Read, tenant, None)).Allowed);
        Assert.False((await a.TakeAsync(RouteClass.Read, tenant, None)).Allowed);
    }

    [Fact]
    public async Task Redis_down_falls_back_to_this_process_buckets_at_once_without_failing()
    {
        await using var down = new RedisConnection($"127.0.0.1:{ClosedPort()}", TimeProvider.System);
        var limiter = new TenantRateLimiter(down, Options(RouteClass.Write, new RateLimit(2, TimeSpan.FromMinutes(1))), TimeProvider.System);
        var tenant = NewTenant();
        await limiter.TakeAsync(RouteClass.Write, tenant, None);

        var watch = Stopwatch.StartNew();
        var second = await limiter.TakeAsync(RouteClass.Write, tenant, None);
        var third = await limiter.TakeAsync(RouteClass.Write, tenant, None);
        watch.Stop();

        Assert.True(second.Allowed);
        Assert.False(third.Allowed);
        Assert.Equal(3, limiter.FallbackCount);
        Assert.True(watch.ElapsedMilliseconds < 200, $"fallback took {watch.ElapsedMilliseconds} ms");
    }

    private static RateLimitOptions Options(RouteClass routeClass, RateLimit limit) => new(new Dictionary<RouteClass, RateLimit> { [routeClass] = limit });

    private static string NewTenant() => "org_rl_" + Guid.NewGuid().ToString("N")[..10];

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
