using Autopilot.Core.Caching;
using Autopilot.Core.RateLimits;
using Microsoft.Extensions.Time.Testing;

namespace Autopilot.Tests.RateLimits;

/// <summary>The in-memory buckets (no Redis configured) on a fake clock.</summary>
public sealed class TokenBucketMemoryTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_tenant_over_its_limit_is_refused_while_another_tenant_still_gets_through()
    {
        var limiter = Limiter(RouteClass.Write, new RateLimit(3, TimeSpan.FromSeconds(30)));

        var greedy = await TakeAsync(limiter, RouteClass.Write, "org_greedy", 5);
        var other = await TakeAsync(limiter, RouteClass.Write, "org_quiet", 3);

        Assert.Equal([true, true, true, false, false], greedy.Select(d => d.Allowed));
        Assert.All(other, d => Assert.True(d.Allowed));

        // One token comes back every 10 s: the refusal says so, in whole seconds.
        Assert.Equal(10, greedy[3].RetryAfterSeconds);
    }

    [Fact]
    public async Task Tokens_refill_with_time_at_the_configured_rate_up_to_the_burst()
    {
        var limiter = Limiter(RouteClass.Read, new RateLimit(4, TimeSpan.FromSeconds(8)));
        await TakeAsync(limiter, RouteClass.Read, "org_a", 4);
        Assert.False((await limiter.TakeAsync(RouteClass.Read, "org_a", None)).Allowed);

        _time.Advance(TimeSpan.FromMilliseconds(1999));
        var early = await limiter.TakeAsync(RouteClass.Read, "org_a", None);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        var onTime = await limiter.TakeAsync(RouteClass.Read, "org_a", None);

        Assert.False(early.Allowed);
        Assert.Equal(1, early.RetryAfterSeconds);
        Assert.True(onTime.Allowed);

        // A long idle time refills to the burst size, not beyond.
        _time.Advance(TimeSpan.FromHours(1));
        Assert.Equal([true, true, true, true, false], (await TakeAsync(limiter, RouteClass.Read, "org_a", 5)).Select(d => d.Allowed));
    }

    [Fact]
    public async Task Classes_have_separate_buckets_and_a_class_without_a_setting_is_unlimited()
    {
        var limiter = Limiter(RouteClass.Agent, new RateLimit(1, TimeSpan.FromMinutes(1)));

        Assert.True((await limiter.TakeAsync(RouteClass.Agent, "org_a", None)).Allowed);
        Assert.False((await limiter.TakeAsync(RouteClass.Agent, "org_a", None)).Allowed);
        Assert.All(await TakeAsync(limiter, RouteClass.Read, "org_a", 1000), d => Assert.True(d.Allowed));
        Assert.All(await TakeAsync(limiter, RouteClass.Write, "org_a", 1000), d => Assert.True(d.Allowed));
    }

    [Fact]
    public async Task Retry_after_is_a_whole_number_of_seconds_and_never_zero()
    {
        // 1000 per second: a token is back within a millisecond, yet a client is told to wait 1 s, not 0.
        var limiter = Limiter(RouteClass.Read, new RateLimit(1000, TimeSpan.FromSeconds(1)));
        var decisions = await TakeAsync(limiter, RouteClass.Read, "org_fast", 1001);

        var refused = Assert.Single(decisions, d => !d.Allowed);
        Assert.InRange(refused.RetryAfter, TimeSpan.FromTicks(1), TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, refused.RetryAfterSeconds);
    }

    private TenantRateLimiter Limiter(RouteClass routeClass, RateLimit limit) =>
        new(new RedisConnection((string?)null, _time), new RateLimitOptions(new Dictionary<RouteClass, RateLimit> { [routeClass] = limit }), _time);

    private static async Task<List<RateLimitDecision>> TakeAsync(TenantRateLimiter limiter, RouteClass routeClass, string tenant, int count)
    {
        var decisions = new List<RateLimitDecision>();
        for (var i = 0; i < count; i++)
        {
            decisions.Add(await limiter.TakeAsync(routeClass, tenant, None));
        }

        return decisions;
    }
}
