using System.Text;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Autopilot.Core.Caching;

/// <summary>Invalidation: SCAN MATCH + UNLINK in batches on Redis, a prefix scan in memory, replay after an outage.</summary>
public sealed partial class AutopilotCache
{
    private const int ScanPage = 500;
    private static readonly CacheDomain[] Domains = Enum.GetValues<CacheDomain>();
    private readonly SemaphoreSlim _replay = new(1, 1);
    private readonly HashSet<Invalidation> _deferred = [];
    private volatile bool _hasDeferred;

    public Task<long> InvalidateAsync(string prefix, CancellationToken cancellation)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        return InvalidateAsync([new Invalidation(prefix, Scope: false)], cancellation);
    }

    public Task<long> InvalidateConnectionAsync(string tenantId, string connectionId, CancellationToken cancellation) =>
        InvalidateAsync([.. Domains.Select(d => new Invalidation(CacheKey.ConnectionScope(d, tenantId, connectionId), Scope: true))], cancellation);

    public Task<long> InvalidateTenantAsync(string tenantId, CancellationToken cancellation) =>
        InvalidateAsync([.. Domains.Select(d => new Invalidation(CacheKey.TenantScope(d, tenantId), Scope: true))], cancellation);

    /// <summary>
    /// Removes from memory always (it may hold entries from an earlier outage) and from Redis when it answers; the
    /// count is of the store in use. While Redis is down the invalidation is kept and replayed when it returns.
    /// </summary>
    private async Task<long> InvalidateAsync(Invalidation[] invalidations, CancellationToken cancellation)
    {
        long fromMemory = 0;
        foreach (var invalidation in invalidations)
        {
            fromMemory += _memory.Remove(invalidation.Matches);
        }

        var db = await RedisAsync(cancellation);
        if (db is not null)
        {
            try
            {
                long removed = 0;
                foreach (var invalidation in invalidations)
                {
                    removed += await RemoveFromRedisAsync(db, invalidation, cancellation);
                }

                return removed;
            }
            catch (Exception ex) when (RedisConnection.IsFailure(ex))
            {
                Failed(ex);
            }
        }

        if (_redis.IsConfigured)
        {
            Defer(invalidations);
        }

        return fromMemory;
    }

    /// <summary>Redis once the invalidations made during an outage are replayed on it; null while it is down.</summary>
    private async ValueTask<IDatabase?> RedisAsync(CancellationToken cancellation)
    {
        var db = await _redis.TryGetDatabaseAsync(cancellation);
        if (db is null || !_hasDeferred)
        {
            return db;
        }

        // Readers wait until the replay is done: none may read an entry that is about to be removed.
        await _replay.WaitAsync(cancellation);
        Invalidation[] replay;
        lock (_deferred)
        {
            replay = [.. _deferred];
        }

        try
        {
            foreach (var invalidation in replay)
            {
                await RemoveFromRedisAsync(db, invalidation, cancellation);
            }

            lock (_deferred)
            {
                _deferred.ExceptWith(replay);
                _hasDeferred = _deferred.Count > 0;
            }

            if (replay.Length > 0 && _logger.IsEnabled(LogLevel.Information))
            {
                _logger.LogInformation("Replayed {Count} cache invalidations made during a Redis outage", replay.Length);
            }

            return db;
        }
        catch (Exception ex) when (RedisConnection.IsFailure(ex))
        {
            // They stay deferred; removing twice is harmless.
            Failed(ex);
            return null;
        }
        finally
        {
            _replay.Release();
        }
    }

    private void Defer(IEnumerable<Invalidation> invalidations)
    {
        lock (_deferred)
        {
            _deferred.UnionWith(invalidations);
            _hasDeferred = _deferred.Count > 0;
        }
    }

    private async Task<long> RemoveFromRedisAsync(IDatabase db, Invalidation invalidation, CancellationToken cancellation)
    {
        long removed = 0;
        if (invalidation.Scope)
        {
            removed += (long)await db.ExecuteAsync("UNLINK", [(RedisKey)invalidation.Prefix]).WaitAsync(cancellation);
        }

        var pattern = EscapeGlob(invalidation.Scope ? invalidation.Prefix + ":" : invalidation.Prefix) + "*";
        // Every primary: keys live on one server here, on several in a cluster.
        foreach (var server in _redis.Multiplexer?.GetServers() ?? [])
        {
            if (server.IsReplica || !server.IsConnected)
            {
                continue;
            }

            var batch = new List<object>(ScanPage);
            await foreach (var key in server.KeysAsync(db.Database, pattern, ScanPage).WithCancellation(cancellation))
            {
                batch.Add(key);
                if (batch.Count == ScanPage)
                {
                    removed += (long)await db.ExecuteAsync("UNLINK", batch).WaitAsync(cancellation);
                    batch.Clear();
                }
            }

            if (batch.Count > 0)
            {
                removed += (long)await db.ExecuteAsync("UNLINK", batch).WaitAsync(cancellation);
            }
        }

        return removed;
    }

    /// <summary>Makes a raw prefix literal in a SCAN MATCH pattern.</summary>
    private static string EscapeGlob(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '*' or '?' or '[' or ']' or '\\')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    /// <summary>A raw prefix, or a scope: the key itself and the keys under <c>scope:</c>.</summary>
    private readonly record struct Invalidation(string Prefix, bool Scope)
    {
        public bool Matches(string key) => Scope
            ? key.Equals(Prefix, StringComparison.Ordinal) || (key.StartsWith(Prefix, StringComparison.Ordinal) && key.Length > Prefix.Length && key[Prefix.Length] == ':')
            : key.StartsWith(Prefix, StringComparison.Ordinal);
    }
}
