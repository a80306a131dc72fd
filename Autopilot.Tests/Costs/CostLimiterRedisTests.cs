using Autopilot.Core.Caching;
using Autopilot.Core.Costs;
using Autopilot.Tests.Caching;
using Autopilot.Tests.Infrastructure;
using StackExchange.Redis;

namespace Autopilot.Tests.Costs;

/// <summary>The window in the test run's redis-server: one sorted set per org, a Lua script per decision.</summary>
public sealed class CostLimiterRedisTests : CostLimiterContract, IAsyncLifetime
{
    private readonly RedisConnection _redis = new(TestEnvironment.RedisEndpoint, TimeProvider.System);

    public Task InitializeAsync() => _redis.WaitAvailableAsync();

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    protected override CostLimiter Create(CostOptions options) => new(_redis, options, TimeProvider.System);

    protected override Task AssertServedByStoreAsync(CostLimiter limiter, string orgId)
    {
        Assert.Equal(0, limiter.FallbackCount);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Each_query_is_its_own_member_scored_by_the_server_clock()
    {
        var limiter = Create(new CostOptions());
        var org = NewOrg();
        var db = _redis.TryGetDatabase()!;
        var before = await ServerMsAsync(db);

        await limiter.ReserveAsync(org, 5 * KiB, "a", None);
        await limiter.ReserveAsync(org, 5 * KiB, "b", None);

        var entries = await db.SortedSetRangeByRankWithScoresAsync("cost_budget:" + org);
        Assert.Equal(["a|5120", "b|5120"], entries.Select(e => e.Element.ToString()).Order());
        Assert.All(entries, e => Assert.InRange(e.Score, before, before + 5000));
        var ttl = await db.KeyTimeToLiveAsync("cost_budget:" + org);
        Assert.InRange(ttl!.Value, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(62));
    }

    [Fact]
    public async Task Entries_inside_the_window_count_and_older_ones_are_dropped_at_the_boundary()
    {
        // Redis's TIME cannot be faked: write entries with chosen old scores (the test seam is the key layout)
        // and let the real clock carry one of them across the boundary.
        var limiter = Create(new CostOptions());
        var org = NewOrg();
        var db = _redis.TryGetDatabase()!;
        var key = CostWindowKeys.Key(org);
        var hour = (long)TimeSpan.FromHours(1).TotalMilliseconds;
        var now = await ServerMsAsync(db);
        await db.SortedSetAddAsync(key, CostWindowKeys.Member("just-inside", 700), now - hour + 1500);
        await db.SortedSetAddAsync(key, CostWindowKeys.Member("just-outside", 300), now - hour - 1);
        await db.SortedSetAddAsync(key, CostWindowKeys.Member("recent", 100), now - 1000);

        var inside = await limiter.CheckAsync(org, 0);
        Assert.Equal(800, inside.BytesUsed);
        Assert.Null(await db.SortedSetScoreAsync(key, CostWindowKeys.Member("just-outside", 300)));

        var crossed = now - hour + 1500 + hour - await ServerMsAsync(db);
        await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(0, crossed) + 50));
        var after = await limiter.CheckAsync(org, 0);

        Assert.Equal(100, after.BytesUsed);
        Assert.Equal(1, await db.SortedSetLengthAsync(key));
        Assert.Equal(0, limiter.FallbackCount);
    }

    [Fact]
    public async Task Reconcile_keeps_the_reservation_timestamp()
    {
        var limiter = Create(new CostOptions());
        var org = NewOrg();
        var db = _redis.TryGetDatabase()!;
        var key = CostWindowKeys.Key(org);

        await limiter.ReserveAsync(org, 9 * KiB, "q", None);
        var reservedAt = await db.SortedSetScoreAsync(key, CostWindowKeys.Member("q", 9 * KiB));
        await Task.Delay(20);
        await limiter.ReconcileAsync(org, "q", 2 * KiB, None);

        Assert.NotNull(reservedAt);
        Assert.Null(await db.SortedSetScoreAsync(key, CostWindowKeys.Member("q", 9 * KiB)));
        Assert.Equal(reservedAt, await db.SortedSetScoreAsync(key, CostWindowKeys.Member("q", 2 * KiB)));
    }

    [Fact]
    public async Task The_index_is_derived_data_rebuilt_from_the_window_when_it_is_lost()
    {
        var limiter = Create(new CostOptions { HourlyBudgetBytes = 10 * KiB });
        var org = NewOrg();
        var db = _redis.TryGetDatabase()!;
        await limiter.ReserveAsync(org, 3 * KiB, "a", None);
        await limiter.ReserveAsync(org, 4 * KiB, "b", None);
        Assert.Equal("7168", (string?)await db.HashGetAsync(CostWindowKeys.IndexKey(org), "|used"));

        await db.KeyDeleteAsync(CostWindowKeys.IndexKey(org)); // e.g. evicted
        var retry = await limiter.ReserveAsync(org, 4 * KiB, "b", None);
        await limiter.ReconcileAsync(org, "a", KiB, None);

        Assert.Equal(new BudgetDecision(true, 3 * KiB, 3 * KiB, 10 * KiB, null), retry);
        Assert.Equal(5 * KiB, (await limiter.CheckAsync(org, 0)).BytesUsed);
        Assert.Equal(0, limiter.FallbackCount);
    }

    [Fact]
    public async Task A_window_that_expired_as_a_whole_leaves_no_stale_total()
    {
        var limiter = Create(new CostOptions());
        var org = NewOrg();
        var db = _redis.TryGetDatabase()!;
        await limiter.ReserveAsync(org, 3 * KiB, "a", None);

        await db.KeyDeleteAsync(CostWindowKeys.Key(org)); // as if its TTL ran out before the index's

        Assert.Equal(0, (await limiter.CheckAsync(org, 0)).BytesUsed);
        Assert.Equal(0, (await limiter.ReserveAsync(org, KiB, "a", None)).BytesUsed);
    }

    [Fact]
    public async Task Two_limiters_share_one_window_per_org()
    {
        // COST-6's other half: the seed's services each kept their own window without Redis.
        var one = Create(new CostOptions { HourlyBudgetBytes = 10 * KiB });
        await using var otherConnection = new RedisConnection(TestEnvironment.RedisEndpoint, TimeProvider.System);
        await otherConnection.WaitAvailableAsync();
        var other = new CostLimiter(otherConnection, new CostOptions { HourlyBudgetBytes = 10 * KiB }, TimeProvider.System);
        var org = NewOrg();

        await one.ReserveAsync(org, 8 * KiB, "a", None);
        var denied = await other.ReserveAsync(org, 8 * KiB, "b", None);

        Assert.False(denied.Allowed);
        Assert.Equal(8 * KiB, denied.BytesUsed);
    }

    private static async Task<long> ServerMsAsync(IDatabase db)
    {
        var time = (RedisResult[])(await db.ExecuteAsync("TIME"))!;
        return ((long)time[0] * 1000) + ((long)time[1] / 1000);
    }
}
