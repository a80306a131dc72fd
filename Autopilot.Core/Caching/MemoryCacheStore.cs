using System.Collections.Concurrent;

namespace Autopilot.Core.Caching;

/// <summary>
/// The per-process cache store: serialized values with an expiry, read lazily and swept once a minute.
/// Values are kept as JSON so a hit hands out a fresh copy, exactly as Redis would.
/// </summary>
internal sealed class MemoryCacheStore
{
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private long _nextSweepMs;

    public MemoryCacheStore(TimeProvider time) => _time = time;

    public int Count => _entries.Count;

    public bool TryGet(string key, out byte[] json)
    {
        if (_entries.TryGetValue(key, out var entry))
        {
            if (entry.ExpiresAtMs > Now())
            {
                json = entry.Json;
                return true;
            }

            // Only this expired entry: a fresh one written meanwhile stays.
            _entries.TryRemove(KeyValuePair.Create(key, entry));
        }

        json = [];
        return false;
    }

    public void Set(string key, byte[] json, TimeSpan ttl)
    {
        var now = Now();
        _entries[key] = new Entry(json, now + (long)ttl.TotalMilliseconds);
        if (now >= Interlocked.Read(ref _nextSweepMs))
        {
            Interlocked.Exchange(ref _nextSweepMs, now + (long)SweepEvery.TotalMilliseconds);
            foreach (var (k, e) in _entries)
            {
                if (e.ExpiresAtMs <= now)
                {
                    _entries.TryRemove(KeyValuePair.Create(k, e));
                }
            }
        }
    }

    /// <summary>How many live entries match.</summary>
    public long CountMatching(Func<string, bool> matches)
    {
        var now = Now();
        return _entries.Count(e => e.Value.ExpiresAtMs > now && matches(e.Key));
    }

    /// <summary>Removes live entries whose key matches; returns how many (expired ones are dropped silently).</summary>
    public long Remove(Func<string, bool> matches)
    {
        var now = Now();
        long removed = 0;
        foreach (var (key, entry) in _entries)
        {
            if (matches(key) && _entries.TryRemove(KeyValuePair.Create(key, entry)) && entry.ExpiresAtMs > now)
            {
                removed++;
            }
        }

        return removed;
    }

    private long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private readonly record struct Entry(byte[] Json, long ExpiresAtMs);
}
