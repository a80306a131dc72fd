using System.Diagnostics;
using System.Globalization;
using Autopilot.Core.Caching;
using Autopilot.Core.Costs;
using Autopilot.Core.RateLimits;
using StackExchange.Redis;

namespace Autopilot.Benchmarks.Limiter;

/// <summary>
/// Cost limiter throughput: <c>ReserveAsync</c> against Redis (sequential and N in flight) next to Redis's own
/// round-trip rate through the same multiplexer in the same run (PING, and a no-op Lua script), and the in-memory
/// window's rate; and the per-tenant rate limiter's token take, on Redis and in memory.
/// </summary>
internal static class LimiterBenchmark
{
    private const long BytesPerQuery = 1 << 20;
    private const int HotEntries = 10_000;
    private const int Rounds = 6;
    private static long _sequence;
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(1);

    public static async Task<int> RunAsync(string[] args)
    {
        LimiterBenchmarkOptions o;
        try
        {
            o = LimiterBenchmarkOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            await Console.Error.WriteLineAsync($"limiter: {e.Message}\n{LimiterBenchmarkOptions.Usage}");
            return 2;
        }

        await using var redis = new RedisConnection(o.Redis, TimeProvider.System);
        if (!await redis.ConnectAsync())
        {
            await Console.Error.WriteLineAsync($"limiter: Redis at {o.Redis} does not answer");
            return 1;
        }

        var db = redis.TryGetDatabase()!;
        var run = Guid.NewGuid().ToString("N")[..8];
        var options = new CostOptions { HourlyBudgetBytes = long.MaxValue / 4 };
        var onRedis = new CostLimiter(redis, options, TimeProvider.System);
        var inMemory = new CostLimiter(new RedisConnection(string.Empty, TimeProvider.System), options, TimeProvider.System);
        var duration = TimeSpan.FromSeconds(o.Seconds);

        // Per-tenant request limits: a bucket large enough that every take is admitted (the common path).
        var limits = new RateLimitOptions(new Dictionary<RouteClass, RateLimit> { [RouteClass.Read] = new(RateLimitOptions.MaxRequests, TimeSpan.FromDays(1)) });
        var rateOnRedis = new TenantRateLimiter(redis, limits, TimeProvider.System);
        var rateInMemory = new TenantRateLimiter(new RedisConnection(string.Empty, TimeProvider.System), limits, TimeProvider.System);

        Console.WriteLine($"# limiter benchmark: Redis {o.Redis} (redis {redis.Multiplexer!.GetServers()[0].Version}), {Environment.ProcessorCount} cores, " +
            $"{o.Seconds:0.#} s per measurement in {Rounds} interleaved slices after a {Warmup.TotalSeconds:0} s warm-up, reservations spread over {o.Orgs} orgs");
        // One org with a full window: each call's cost must not grow with the entries in the window.
        var hotOrg = $"bench-{run}-hot";
        await Parallel.ForEachAsync(Enumerable.Range(0, HotEntries), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
            await onRedis.ReserveAsync(hotOrg, BytesPerQuery, $"fill-{i}", ct));
        var rows = new List<Row>();
        foreach (var inFlight in new[] { 1, o.InFlight })
        {
            var phase = $"{run}-{inFlight}";
            Operation[] operations =
            [
                new("Redis PING (same multiplexer)", (_, _) => db.PingAsync()),
                new("Redis EVALSHA no-op Lua", (_, _) => db.ScriptEvaluateAsync("return 1")),
                new("CostLimiter.ReserveAsync on Redis", (worker, n) =>
                    onRedis.ReserveAsync(Org(phase, n, o.Orgs), BytesPerQuery, $"w{worker}-{n}", CancellationToken.None)),
                new($"CostLimiter.CheckAsync, {HotEntries} in window", (_, _) => onRedis.CheckAsync(hotOrg, BytesPerQuery, CancellationToken.None)),
                new("CostLimiter.ReserveAsync in memory", (worker, n) =>
                    inMemory.ReserveAsync($"mem-{Org(phase, n, o.Orgs)}", BytesPerQuery, $"w{worker}-{n}", CancellationToken.None)),
                new("TenantRateLimiter.TakeAsync on Redis", (_, n) => rateOnRedis.TakeAsync(RouteClass.Read, Org(phase, n, o.Orgs), CancellationToken.None)),
                new("TenantRateLimiter.TakeAsync in memory", (_, n) => rateInMemory.TakeAsync(RouteClass.Read, Org(phase, n, o.Orgs), CancellationToken.None)),
            ];
            var measured = await MeasureInterleavedAsync(operations, inFlight, duration);
            rows.AddRange(measured.Select(r => r with { VsPing = r == measured[0] ? null : r.PerSecond / measured[0].PerSecond }));
        }

        if (onRedis.FallbackCount > 0)
        {
            Console.WriteLine($"warning: {onRedis.FallbackCount} reservations fell back to memory (Redis failed or timed out); the Redis rows include them");
        }

        Console.WriteLine();
        Console.WriteLine("| measurement | in flight | calls | calls/s | mean µs/call | vs PING | window entries/org (approx.) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
        {
            var entries = r.Name.StartsWith("CostLimiter.ReserveAsync", StringComparison.Ordinal) ? (r.Calls / (double)o.Orgs).ToString("F1", CultureInfo.InvariantCulture)
                : r.Name.StartsWith("CostLimiter.CheckAsync", StringComparison.Ordinal) ? HotEntries.ToString(CultureInfo.InvariantCulture) : "";
            var vsPing = r.VsPing is { } v ? v.ToString("P0", CultureInfo.InvariantCulture) : "";
            Console.WriteLine(FormattableString.Invariant(
                $"| {r.Name} | {r.InFlight} | {r.Calls:N0} | {r.PerSecond:N0} | {r.MeanMicroseconds:F1} | {vsPing} | {entries} |"));
        }

        await DeleteWindowsAsync(redis, db, run);
        return 0;
    }

    private static string Org(string phase, long n, int orgs) => $"bench-{phase}-{n % orgs}";

    /// <summary>
    /// Measures the operations in turns of <see cref="Rounds"/> short slices each (after a warm-up of each), so a
    /// change in the machine's load during the run affects every row alike and the ratios stay fair.
    /// </summary>
    private static async Task<Row[]> MeasureInterleavedAsync(Operation[] operations, int inFlight, TimeSpan duration)
    {
        var calls = new long[operations.Length];
        var elapsed = new TimeSpan[operations.Length];
        foreach (var operation in operations)
        {
            await RunAsync(operation.Call, inFlight, Warmup);
        }

        for (var round = 0; round < Rounds; round++)
        {
            for (var i = 0; i < operations.Length; i++)
            {
                var (n, took) = await RunAsync(operations[i].Call, inFlight, duration / Rounds);
                calls[i] += n;
                elapsed[i] += took;
            }
        }

        var rows = new Row[operations.Length];
        for (var i = 0; i < operations.Length; i++)
        {
            var perSecond = calls[i] / elapsed[i].TotalSeconds;
            Console.WriteLine(FormattableString.Invariant(
                $"{operations[i].Name,-40} in flight {inFlight,3}: {calls[i],9:N0} calls in {elapsed[i].TotalSeconds:F2} s = {perSecond,10:N0}/s"));
            rows[i] = new Row(operations[i].Name, inFlight, calls[i], perSecond, inFlight * 1e6 / perSecond, null);
        }

        return rows;
    }

    /// <summary>
    /// <paramref name="inFlight"/> workers, each awaiting one call at a time, until a shared deadline. Workers yield
    /// now and then, so calls that complete synchronously (memory) cannot starve the others of threads.
    /// </summary>
    private static async Task<(long Calls, TimeSpan Elapsed)> RunAsync(Func<int, long, Task> call, int inFlight, TimeSpan length)
    {
        async Task<long> WorkerAsync(int worker, Stopwatch clock)
        {
            long calls = 0;
            while (clock.Elapsed < length)
            {
                await call(worker, Interlocked.Increment(ref _sequence));
                if (++calls % 256 == 0)
                {
                    await Task.Yield();
                }
            }

            return calls;
        }

        var clock = Stopwatch.StartNew();
        var counts = await Task.WhenAll(Enumerable.Range(0, inFlight).Select(w => Task.Run(() => WorkerAsync(w, clock))));
        return (counts.Sum(), clock.Elapsed);
    }

    /// <summary>Removes this run's windows and their indexes (they would expire after an hour anyway).</summary>
    private static async Task DeleteWindowsAsync(RedisConnection redis, IDatabase db, string run)
    {
        foreach (var server in redis.Multiplexer!.GetServers())
        {
            foreach (var pattern in new[] { $"cost_budget:bench-{run}-*", $"cost_budget_index:bench-{run}-*", $"rate_limit:read:bench-{run}-*" })
            {
                var batch = new List<object>();
                await foreach (var key in server.KeysAsync(db.Database, pattern, 1000))
                {
                    batch.Add(key);
                    if (batch.Count == 1000)
                    {
                        await db.ExecuteAsync("UNLINK", batch);
                        batch.Clear();
                    }
                }

                if (batch.Count > 0)
                {
                    await db.ExecuteAsync("UNLINK", batch);
                }
            }
        }
    }

    private sealed record Operation(string Name, Func<int, long, Task> Call);

    private sealed record Row(string Name, int InFlight, long Calls, double PerSecond, double MeanMicroseconds, double? VsPing);
}
