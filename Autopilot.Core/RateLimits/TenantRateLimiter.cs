using System.Globalization;
using Autopilot.Core.Api;
using Autopilot.Core.Caching;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Autopilot.Core.RateLimits;

/// <summary>
/// Per-tenant token buckets by <see cref="RouteClass"/>, shared by all replicas through Redis (one Lua script per
/// request), and kept in memory when Redis is absent or down — the cost limiter's approach: Redis failing is never a
/// 5xx, it only makes the limit per replica for a while.
/// </summary>
public sealed class TenantRateLimiter
{
    private readonly RedisConnection _redis;
    private readonly RateLimitOptions _options;
    private readonly InMemoryTokenBuckets _memory;
    private readonly ILogger _logger;
    private long _fallbacks;

    public TenantRateLimiter(RedisConnection redis, RateLimitOptions options, TimeProvider time, ILogger<TenantRateLimiter>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _redis = redis;
        _options = options;
        _memory = new InMemoryTokenBuckets(time);
        _logger = logger ?? NullLogger<TenantRateLimiter>.Instance;
    }

    public RateLimitOptions Options => _options;

    /// <summary>Decisions taken from this process's buckets although Redis is configured (Redis down or failing).</summary>
    public long FallbackCount => Interlocked.Read(ref _fallbacks);

    /// <summary>
    /// Takes a token for a request to <paramref name="route"/> by <paramref name="tenantId"/>, or refuses with 429,
    /// <c>Retry-After</c> on <paramref name="response"/> and a detail naming the limit. Does nothing for a class with no limit.
    /// </summary>
    public async Task EnforceAsync(ApiRoute route, string tenantId, HttpResponse response, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!_options.Enabled || RouteClasses.Of(route) is not { } routeClass || _options.For(routeClass) is not { } limit)
        {
            return;
        }

        var decision = await TakeAsync(routeClass, tenantId, cancellation);
        if (decision.Allowed)
        {
            return;
        }

        var seconds = decision.RetryAfterSeconds;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        throw new ApiException(
            StatusCodes.Status429TooManyRequests,
            $"Rate limit exceeded: {RouteClasses.SettingOf(routeClass)} allows {limit.Requests} {RouteClasses.NameOf(routeClass)} requests per {(long)limit.Period.TotalSeconds} s per tenant; retry after {seconds} s");
    }

    /// <summary>Takes one token from the tenant's bucket for the class; allowed when the class has no limit.</summary>
    public async Task<RateLimitDecision> TakeAsync(RouteClass routeClass, string tenantId, CancellationToken cancellation)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        if (_options.For(routeClass) is not { } limit)
        {
            return RateLimitDecision.Admit;
        }

        if (_redis.IsConfigured)
        {
            if (await _redis.TryGetDatabaseAsync(cancellation) is { } db)
            {
                try
                {
                    using var span = Telemetry.AutopilotTelemetry.StartRedis("token_bucket");
                    return await TakeFromRedisAsync(db, routeClass, tenantId, limit, cancellation);
                }
                catch (Exception ex) when (RedisConnection.IsFailure(ex))
                {
                    _redis.ReportFailure(ex);
                    _logger.LogDebug(ex, "Rate limit bucket in Redis failed; answering from this process's buckets");
                }
            }

            Interlocked.Increment(ref _fallbacks);
            Telemetry.AutopilotMetrics.LimiterFellBack("rate");
        }

        return _memory.Take(routeClass, tenantId, limit);
    }

    private static async Task<RateLimitDecision> TakeFromRedisAsync(IDatabase db, RouteClass routeClass, string tenantId, RateLimit limit, CancellationToken cancellation)
    {
        var result = (RedisResult[])(await db.ScriptEvaluateAsync(
            TokenBucketScript.Take,
            [TokenBucketScript.Key(routeClass, tenantId)],
            [limit.Requests, (long)limit.Period.TotalMilliseconds]).WaitAsync(cancellation))!;
        return (int)result[0] == 1 ? RateLimitDecision.Admit : new RateLimitDecision(false, TimeSpan.FromMilliseconds((long)result[1]));
    }
}
