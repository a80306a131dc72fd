using Autopilot.Core.Caching;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Autopilot.Core.Costs;

/// <summary>
/// The per-org hourly byte budget (COST-1..3): one shared sliding window per org in Redis — a reservation per
/// query, reconciled with the actual bytes — and an in-memory window when Redis is absent or down.
/// <para>
/// During an outage this process decides from its own window, which starts from the last usage Redis reported for
/// the org (held until it could have expired), so usage before the outage still counts. Usage recorded in memory
/// during the outage is merged into Redis before Redis answers again — with its original timestamps, reconciled
/// and released reservations replayed, idempotently — so no instance under-counts it afterwards. It is never
/// counted from both stores at once except while a merge is retried, which can only over-count.
/// </para>
/// </summary>
public sealed partial class CostLimiter : IDisposable
{
    private const int MaxIdLength = 200;
    private readonly RedisConnection _redis;
    private readonly CostOptions _options;
    private readonly InMemoryCostWindow _memory;
    private readonly ILogger _logger;
    private readonly long _windowMs;
    private long _fallbacks;

    public CostLimiter(RedisConnection redis, CostOptions options, TimeProvider time, ILogger<CostLimiter>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        if (options.Window <= TimeSpan.Zero)
        {
            throw new ArgumentException("The window must be positive.", nameof(options));
        }

        _redis = redis;
        _options = options;
        _windowMs = (long)options.Window.TotalMilliseconds;
        _memory = new InMemoryCostWindow(time, options.Window);
        _logger = logger ?? NullLogger<CostLimiter>.Instance;
    }

    public CostOptions Options => _options;

    /// <summary>Calls answered by the in-memory window although Redis is configured (Redis down or failing).</summary>
    public long FallbackCount => Interlocked.Read(ref _fallbacks);

    /// <summary>
    /// Atomically: drop entries older than the window, sum the rest, and if <c>used + estimated ≤ budget</c> add a
    /// reservation under <paramref name="reservationId"/> (unique per query; no '|'). Reserving an id again is an
    /// idempotent retry: it is answered as allowed and not added twice.
    /// </summary>
    public async Task<BudgetDecision> ReserveAsync(string orgId, long estimatedBytes, string reservationId, CancellationToken cancellation)
    {
        Validate(orgId, estimatedBytes, reservationId);
        var db = await RedisAsync(cancellation);
        if (db is not null)
        {
            try
            {
                return await RedisReserveAsync(db, orgId, estimatedBytes, reservationId, cancellation);
            }
            catch (Exception ex) when (RedisConnection.IsFailure(ex))
            {
                Failed(ex);
            }
        }

        return _memory.Reserve(orgId, reservationId, estimatedBytes, _options.HourlyBudgetBytes);
    }

    /// <summary>The budget check alone, adding nothing (previews, the agent's critic: COST-5).</summary>
    public async Task<BudgetDecision> CheckAsync(string orgId, long estimatedBytes, CancellationToken cancellation = default)
    {
        Validate(orgId, estimatedBytes, reservationId: null);
        var db = await RedisAsync(cancellation);
        if (db is not null)
        {
            try
            {
                return await RedisReserveAsync(db, orgId, estimatedBytes, reservationId: null, cancellation);
            }
            catch (Exception ex) when (RedisConnection.IsFailure(ex))
            {
                Failed(ex);
            }
        }

        return _memory.Reserve(orgId, reservationId: null, estimatedBytes, _options.HourlyBudgetBytes);
    }

    /// <summary>
    /// Replaces the reservation's estimate by the bytes the query actually processed, keeping its time (COST-3: only
    /// actual bytes stay). An id not in the window (expired, or never reserved) is recorded now: usage is never dropped.
    /// </summary>
    public Task ReconcileAsync(string orgId, string reservationId, long actualBytes, CancellationToken cancellation)
    {
        Validate(orgId, actualBytes, reservationId);
        return ReconcileOrReleaseAsync(orgId, reservationId, actualBytes, cancellation);
    }

    /// <summary>Removes a reservation whose query did not run.</summary>
    public Task ReleaseAsync(string orgId, string reservationId, CancellationToken cancellation)
    {
        Validate(orgId, 0, reservationId);
        return ReconcileOrReleaseAsync(orgId, reservationId, -1, cancellation);
    }

    /// <summary>Deletes the org's window (tenant purge, CACHE-5). While Redis is down its key still expires an hour after its last entry.</summary>
    public async Task PurgeAsync(string orgId, CancellationToken cancellation)
    {
        Validate(orgId, 0, reservationId: null);
        _memory.Purge(orgId);
        var db = await RedisAsync(cancellation);
        if (db is not null)
        {
            try
            {
                await db.KeyDeleteAsync([CostWindowKeys.Key(orgId), CostWindowKeys.IndexKey(orgId)]).WaitAsync(cancellation);
            }
            catch (Exception ex) when (RedisConnection.IsFailure(ex))
            {
                Failed(ex);
            }
        }
    }

    private async Task ReconcileOrReleaseAsync(string orgId, string reservationId, long actualBytes, CancellationToken cancellation)
    {
        var db = await RedisAsync(cancellation);
        if (db is not null)
        {
            try
            {
                await RedisReconcileAsync(db, orgId, reservationId, actualBytes, cancellation);
                return;
            }
            catch (Exception ex) when (RedisConnection.IsFailure(ex))
            {
                Failed(ex);
            }
        }

        if (actualBytes < 0)
        {
            _memory.Release(orgId, reservationId);
        }
        else
        {
            _memory.Reconcile(orgId, reservationId, actualBytes);
        }
    }

    private void Failed(Exception error)
    {
        _redis.ReportFailure(error);
        _logger.LogDebug(error, "Cost window in Redis failed; answering from the in-memory window");
        Interlocked.Increment(ref _fallbacks);
        Telemetry.AutopilotMetrics.LimiterFellBack("cost");
    }

    private static void Validate(string orgId, long bytes, string? reservationId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orgId);
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        if (reservationId is null)
        {
            return;
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(reservationId);
        if (reservationId.Contains('|', StringComparison.Ordinal) || reservationId.Length > MaxIdLength)
        {
            throw new ArgumentException($"A reservation id has at most {MaxIdLength} characters and no '|'.", nameof(reservationId));
        }
    }

    /// <summary>Releases the merge lock; the connection belongs to the container.</summary>
    public void Dispose() => _merge.Dispose();
}
