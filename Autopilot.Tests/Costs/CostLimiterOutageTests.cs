using System.Diagnostics;
using Autopilot.Core.Caching;
using Autopilot.Core.Costs;
using Autopilot.Tests.Caching;
using Autopilot.Tests.Infrastructure;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace Autopilot.Tests.Costs;

/// <summary>
/// Redis killed (kill -9) under the limiter and the cache, then started again: every call during the outage is
/// answered by the in-memory fallback at once, and after recovery Redis answers again, holding the outage's usage.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class CostLimiterOutageTests
{
    private const long MiB = 1L << 20;
    // Not a speed target (those live in benchmarks): a call that waited on the dead server takes the client's
    // 1-1.9 s default timeout, a fallback takes milliseconds; 500 ms tells them apart on a loaded 2-core machine.
    private static readonly TimeSpan Fast = TimeSpan.FromMilliseconds(500);
    private readonly ITestOutputHelper _output;

    public CostLimiterOutageTests(ITestOutputHelper output) => _output = output;

    private static CancellationToken None => CancellationToken.None;

    [Fact]
    public async Task Killing_Redis_falls_back_fast_and_after_a_restart_the_limiter_returns_to_Redis_with_the_outage_usage()
    {
        await using var server = await RedisServerProcess.StartAsync();
        await using var redis = new RedisConnection(server.Endpoint, TimeProvider.System);
        await redis.WaitAvailableAsync();
        var limiter = new CostLimiter(redis, new CostOptions { HourlyBudgetBytes = 100 * MiB }, TimeProvider.System);
        var cache = new AutopilotCache(redis, new CacheOptions(), TimeProvider.System);
        var org = "org_outage";
        Assert.True((await limiter.ReserveAsync(org, 40 * MiB, "before", None)).Allowed);
        Assert.False((await cache.GetOrCreateAsync(CacheKey.Schema(org, "c1"), _ => Task.FromResult("schema v1"), None)).CacheHit);
        Assert.Equal(0, limiter.FallbackCount);
        var availability = new List<bool>();
        redis.AvailabilityChanged += (_, available) => { lock (availability) { availability.Add(available); } };

        server.Kill();
        var timings = new List<(string Call, TimeSpan Took)>();
        async Task<T> Timed<T>(string call, Func<Task<T>> action)
        {
            var watch = Stopwatch.StartNew();
            var result = await action();
            timings.Add((call, watch.Elapsed));
            return result;
        }

        // The 40 MiB reserved in Redis before the outage still count: 40 + 30 fits, 40 + 30 + 40 does not.
        var during1 = await Timed("reserve", () => limiter.ReserveAsync(org, 30 * MiB, "during-1", None));
        var during2 = await Timed("reserve", () => limiter.ReserveAsync(org, 40 * MiB, "during-2", None));
        await Timed("reconcile", async () => { await limiter.ReconcileAsync(org, "during-1", 20 * MiB, None); return 0; });
        var usedDuring = await Timed("check", () => limiter.CheckAsync(org, 0));
        var cacheDuring = await Timed("cache", () => cache.GetOrCreateAsync(CacheKey.Schema(org, "c2"), _ => Task.FromResult("schema c2"), None));
        for (var i = 0; i < 100; i++)
        {
            await Timed("check", () => limiter.CheckAsync(org, MiB));
            await Timed("cache", () => cache.GetOrCreateAsync(CacheKey.Query(org, "c1", $"SELECT {i}"), _ => Task.FromResult(i), None));
            await Task.Delay(5);
        }

        _output.WriteLine($"outage: {timings.Count} calls, slowest {timings.Max(t => t.Took).TotalMilliseconds:F1} ms ({timings.MaxBy(t => t.Took).Call}), mean {timings.Average(t => t.Took.TotalMilliseconds):F2} ms");
        Assert.All(timings, t => Assert.True(t.Took < Fast, $"{t.Call} took {t.Took.TotalMilliseconds:F0} ms during the outage"));
        Assert.True(during1.Allowed);
        Assert.Equal(40 * MiB, during1.BytesUsed);
        Assert.False(during2.Allowed);
        Assert.Equal(60 * MiB, usedDuring.BytesUsed);
        Assert.False(cacheDuring.CacheHit);
        Assert.True(limiter.FallbackCount >= 104);
        Assert.False(redis.IsAvailable);

        await server.StartAsync();
        var back = await redis.WaitAvailableAsync();
        _output.WriteLine($"Redis available again {back.TotalMilliseconds:F0} ms after it restarted");
        var fallbacks = limiter.FallbackCount;

        // The restarted Redis lost its data (no persistence); what this process recorded during the outage is merged.
        var after = await limiter.ReserveAsync(org, 5 * MiB, "after", None);
        var db = redis.TryGetDatabase()!;
        var members = (await db.SortedSetRangeByRankAsync(CostWindowKeys.Key(org))).Select(m => m.ToString()).Order().ToList();

        Assert.Equal(fallbacks, limiter.FallbackCount);
        lock (availability)
        {
            Assert.Equal((false, true), (availability[0], availability[^1]));
        }

        Assert.Equal(new BudgetDecision(true, 20 * MiB, 75 * MiB, 100 * MiB, null), after);
        Assert.Equal([CostWindowKeys.Member("after", 5 * MiB), CostWindowKeys.Member("during-1", 20 * MiB)], members);
        Assert.False((await cache.GetOrCreateAsync(CacheKey.Schema(org, "c1"), _ => Task.FromResult("schema v2"), None)).CacheHit);
        Assert.True((await cache.GetOrCreateAsync(CacheKey.Schema(org, "c1"), _ => Task.FromResult("schema v3"), None)) is { CacheHit: true, Value: "schema v2" });
    }

    [Fact]
    public async Task Reconciles_releases_and_invalidations_made_during_an_outage_are_replayed_on_a_Redis_that_kept_its_data()
    {
        await using var server = await RedisServerProcess.StartAsync(persistent: true);
        await using var redis = new RedisConnection(server.Endpoint, TimeProvider.System);
        await redis.WaitAvailableAsync();
        var limiter = new CostLimiter(redis, new CostOptions { HourlyBudgetBytes = 100 * MiB }, TimeProvider.System);
        var cache = new AutopilotCache(redis, new CacheOptions(), TimeProvider.System);
        var org = "org_partition";
        var key = CostWindowKeys.Key(org);
        await limiter.ReserveAsync(org, 10 * MiB, "a", None);
        await limiter.ReserveAsync(org, 10 * MiB, "b", None);
        await cache.GetOrCreateAsync(CacheKey.Schema(org, "c1"), _ => Task.FromResult("old schema"), None);
        var db = redis.TryGetDatabase()!;
        var aAt = await db.SortedSetScoreAsync(key, CostWindowKeys.Member("a", 10 * MiB));

        server.Kill();
        var watch = Stopwatch.StartNew();
        await limiter.ReconcileAsync(org, "a", 2 * MiB, None); // a Redis reservation, reconciled in memory
        await limiter.ReleaseAsync(org, "b", None);            // a Redis reservation whose query did not run
        await limiter.ReserveAsync(org, 5 * MiB, "c", None);   // a new one
        await limiter.ReserveAsync(org, 7 * MiB, "d", None);
        await limiter.ReleaseAsync(org, "d", None);            // made and released in memory: never reaches Redis
        var invalidated = await cache.InvalidateConnectionAsync(org, "c1", None);
        Assert.True(watch.Elapsed < 5 * Fast, $"six calls took {watch.Elapsed.TotalMilliseconds:F0} ms during the outage");
        Assert.Equal(0, invalidated); // the memory store held nothing for it

        await server.StartAsync();
        await redis.WaitAvailableAsync();
        var used = await limiter.CheckAsync(org, 0);
        db = redis.TryGetDatabase()!;
        var members = (await db.SortedSetRangeByRankAsync(key)).Select(m => m.ToString()).Order().ToList();

        Assert.Equal(7 * MiB, used.BytesUsed);
        Assert.Equal([CostWindowKeys.Member("a", 2 * MiB), CostWindowKeys.Member("c", 5 * MiB)], members);
        Assert.Equal(aAt, await db.SortedSetScoreAsync(key, CostWindowKeys.Member("a", 2 * MiB)));
        var schema = await cache.GetOrCreateAsync(CacheKey.Schema(org, "c1"), _ => Task.FromResult("new schema"), None);
        Assert.Equal(("new schema", false), (schema.Value, schema.CacheHit));
    }

    [Fact]
    public async Task After_recovery_1000_concurrent_reservations_admit_exactly_what_the_outage_left_of_the_budget()
    {
        await using var server = await RedisServerProcess.StartAsync();
        await using var redis = new RedisConnection(server.Endpoint, TimeProvider.System);
        await redis.WaitAvailableAsync();
        var limiter = new CostLimiter(redis, new CostOptions { HourlyBudgetBytes = 100 * MiB }, TimeProvider.System);
        var org = "org_recovery";

        server.Kill();
        await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(() => limiter.ReserveAsync(org, MiB, $"outage-{i}", None))));
        await server.StartAsync();
        await redis.WaitAvailableAsync();
        var fallbacks = limiter.FallbackCount;
        var decisions = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i => Task.Run(() => limiter.ReserveAsync(org, MiB, $"after-{i}", None))));

        // Every decision after recovery waited for the merge: none was taken on a Redis without the outage's 30 MiB.
        Assert.Equal(fallbacks, limiter.FallbackCount);
        Assert.Equal(70, decisions.Count(d => d.Allowed));
        Assert.Equal(100, await redis.TryGetDatabase()!.SortedSetLengthAsync(CostWindowKeys.Key(org)));
        Assert.Equal(100 * MiB, (await limiter.CheckAsync(org, 0)).BytesUsed);
    }

    [Fact]
    public async Task A_Redis_that_is_down_at_start_costs_one_connect_timeout_then_nothing_and_is_picked_up_when_it_starts()
    {
        await using var server = await RedisServerProcess.StartAsync();
        server.Kill();
        await using var redis = new RedisConnection(server.Endpoint, TimeProvider.System);
        var limiter = new CostLimiter(redis, new CostOptions(), TimeProvider.System);

        var first = Stopwatch.StartNew();
        var decision = await limiter.ReserveAsync("org_cold", MiB, "q1", None);
        first.Stop();
        var later = new List<TimeSpan>();
        for (var i = 0; i < 50; i++)
        {
            var watch = Stopwatch.StartNew();
            await limiter.CheckAsync("org_cold", MiB);
            later.Add(watch.Elapsed);
        }

        _output.WriteLine($"first call {first.Elapsed.TotalMilliseconds:F0} ms, then at most {later.Max().TotalMilliseconds:F1} ms");
        Assert.True(decision.Allowed);
        Assert.True(first.Elapsed < TimeSpan.FromSeconds(1.5), $"the first call took {first.Elapsed.TotalMilliseconds:F0} ms");
        Assert.All(later, t => Assert.True(t < Fast, $"a call took {t.TotalMilliseconds:F0} ms"));

        await server.StartAsync();
        await redis.WaitAvailableAsync();
        await limiter.CheckAsync("org_cold", 0);
        Assert.NotNull(await redis.TryGetDatabase()!.SortedSetScoreAsync(CostWindowKeys.Key("org_cold"), CostWindowKeys.Member("q1", MiB)));
    }
}
