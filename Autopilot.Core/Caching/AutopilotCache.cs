using System.Text.Json;
using Autopilot.Core.Engine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Autopilot.Core.Caching;

/// <summary>
/// <see cref="IAutopilotCache"/> over Redis with a per-process memory store as fallback, switched exactly like the
/// cost limiter: Redis whenever it answers (fail-fast), memory while it is absent or down. Values written to memory
/// during an outage stay there (a cache may lose entries); invalidations made during an outage are replayed on
/// Redis before it is read again, so no stale entry comes back with it.
/// </summary>
public sealed partial class AutopilotCache : IAutopilotCache, IDisposable
{
    private readonly RedisConnection _redis;
    private readonly CacheOptions _options;
    private readonly MemoryCacheStore _memory;
    private readonly ILogger _logger;

    public AutopilotCache(RedisConnection redis, CacheOptions options, TimeProvider time, ILogger<AutopilotCache>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _redis = redis;
        _options = options;
        _memory = new MemoryCacheStore(time);
        _logger = logger ?? NullLogger<AutopilotCache>.Instance;
    }

    public async Task<CacheResult<T>> GetOrCreateAsync<T>(CacheKey key, Func<CancellationToken, Task<T>> factory, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(factory);
        var db = await RedisAsync(cancellation);
        if (db is not null)
        {
            try
            {
                StackExchange.Redis.RedisValue cached;
                using (Telemetry.AutopilotTelemetry.StartRedis("GET"))
                {
                    cached = await db.StringGetAsync(key.Value).WaitAsync(cancellation);
                }

                if (cached.HasValue && TryRead((byte[])cached!, out T? hit))
                {
                    return new CacheResult<T>(hit!, true);
                }
            }
            catch (Exception ex) when (RedisConnection.IsFailure(ex))
            {
                Failed(ex);
                db = null;
            }
        }
        else if (_memory.TryGet(key.Value, out var json) && TryRead(json, out T? hit))
        {
            return new CacheResult<T>(hit!, true);
        }

        var value = await factory(cancellation);
        var serialized = JsonSerializer.SerializeToUtf8Bytes(value, AutopilotJson.Options);
        var ttl = _options.TtlFor(key.Domain);
        if (db is not null)
        {
            try
            {
                using var span = Telemetry.AutopilotTelemetry.StartRedis("SET");
                await db.StringSetAsync(key.Value, serialized, ttl).WaitAsync(cancellation);
                return new CacheResult<T>(value, false);
            }
            catch (Exception ex) when (RedisConnection.IsFailure(ex))
            {
                Failed(ex);
            }
        }

        _memory.Set(key.Value, serialized, ttl);
        return new CacheResult<T>(value, false);
    }

    private bool TryRead<T>(byte[] json, out T? value)
    {
        try
        {
            value = JsonSerializer.Deserialize<T>(json, AutopilotJson.Options);
            return true;
        }
        catch (JsonException ex)
        {
            // A value of an older shape: recompute and overwrite it.
            if (_logger.IsEnabled(LogLevel.Information))
            {
                _logger.LogInformation(ex, "Cached value no longer reads as {Type}; recomputing", typeof(T).Name);
            }

            value = default;
            return false;
        }
    }

    private void Failed(Exception error)
    {
        _redis.ReportFailure(error);
        _logger.LogDebug(error, "Cache in Redis failed; using the in-memory store");
    }

    /// <summary>Releases the replay lock; the connection belongs to the container.</summary>
    public void Dispose() => _replay.Dispose();
}
