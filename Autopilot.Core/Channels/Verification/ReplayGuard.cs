using System.Collections.Concurrent;
using Autopilot.Core.Caching;
using Autopilot.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Autopilot.Core.Channels.Verification;

/// <summary>
/// CHAN-2: a signed request may be used once within <see cref="Window"/>. The first use sets a key that expires after the
/// window (Redis <c>SET NX EX</c>, so every replica sharing Redis sees it); a repeat finds it. Without Redis, or while it is
/// down, a process-local set answers — the rate limiter's fallback: replay protection then holds per replica, never a 5xx.
/// </summary>
public sealed class ReplayGuard
{
    public const string KeyPrefix = "autopilot:replay:";

    /// <summary>As long as a signature's timestamp is accepted (±300 s) — a replay after it fails the timestamp check anyway.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(300);

    private readonly RedisConnection _redis;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _local = new(StringComparer.Ordinal);
    private long _claims;

    public ReplayGuard(RedisConnection redis, TimeProvider time, ILogger<ReplayGuard>? logger = null)
    {
        _redis = redis;
        _time = time;
        _logger = logger ?? NullLogger<ReplayGuard>.Instance;
    }

    /// <summary>True the first time (channel, parts) is claimed within the window; false for a replay.</summary>
    public async Task<bool> TryClaimAsync(string channel, string first, string second, CancellationToken cancellation)
    {
        // Hashed: the key names no signature, and a long header cannot make a long key.
        var key = KeyPrefix + channel + ":" + Ids.Sha256Hex(first + "\n" + second);
        if (_redis.IsConfigured && await _redis.TryGetDatabaseAsync(cancellation) is { } db)
        {
            try
            {
                return await db.StringSetAsync(key, "1", Window, When.NotExists).WaitAsync(cancellation);
            }
            catch (Exception ex) when (RedisConnection.IsFailure(ex))
            {
                _redis.ReportFailure(ex);
                _logger.LogDebug(ex, "Replay set in Redis failed; answering from this process's set");
            }
        }

        return ClaimLocally(key);
    }

    private bool ClaimLocally(string key)
    {
        var now = _time.GetUtcNow();
        if (Interlocked.Increment(ref _claims) % 256 == 0)
        {
            foreach (var (stale, expires) in _local)
            {
                if (expires <= now)
                {
                    _local.TryRemove(new KeyValuePair<string, DateTimeOffset>(stale, expires));
                }
            }
        }

        var claimed = false;
        _local.AddOrUpdate(key, _ => { claimed = true; return now + Window; }, (_, expires) =>
        {
            claimed = expires <= now;
            return claimed ? now + Window : expires;
        });
        return claimed;
    }
}
