namespace Autopilot.Core.RateLimits;

/// <summary>
/// The shared bucket in Redis: one hash per tenant and class (<c>tokens</c>, <c>at</c> in server milliseconds),
/// refilled continuously at <c>capacity / period</c>, taken atomically so replicas never both take the last token.
/// The server's clock (<c>TIME</c>) is the only clock, so replicas with skewed clocks agree.
/// KEYS[1] bucket; ARGV[1] capacity, ARGV[2] period ms. Returns {allowed (0/1), ms until a token is back}.
/// </summary>
internal static class TokenBucketScript
{
    public const string KeyPrefix = "rate_limit:";

    public const string Take = """
        local key = KEYS[1]
        local capacity = tonumber(ARGV[1])
        local period = tonumber(ARGV[2])
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local state = redis.call('HMGET', key, 'tokens', 'at')
        local tokens, at = tonumber(state[1]), tonumber(state[2])
        if tokens == nil or at == nil then tokens, at = capacity, now end
        if now > at then
          tokens = math.min(capacity, tokens + (now - at) * capacity / period)
          at = now
        end
        local allowed, wait = 0, 0
        if tokens >= 1 then
          tokens = tokens - 1
          allowed = 1
        else
          wait = math.ceil((1 - tokens) * period / capacity)
        end
        redis.call('HSET', key, 'tokens', string.format('%.6f', tokens), 'at', string.format('%d', at))
        redis.call('PEXPIRE', key, period + 1000)
        return {allowed, wait}
        """;

    /// <summary>The class comes first and has no ':', so no tenant id can make two buckets collide.</summary>
    public static string Key(RouteClass routeClass, string tenantId) => $"{KeyPrefix}{RouteClasses.NameOf(routeClass)}:{tenantId}";
}
