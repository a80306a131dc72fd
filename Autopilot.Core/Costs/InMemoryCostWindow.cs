using System.Collections.Concurrent;

namespace Autopilot.Core.Costs;

/// <summary>
/// The per-process hourly window, with the same rules as the Redis scripts: used when Redis is absent, and while
/// it is down. Besides its own entries it holds, per org, the last usage Redis reported (the "carry"), counted in
/// full until the newest entry behind it could expire, so an outage never forgets the usage before it. What is
/// recorded here while a Redis is configured is journalled and merged into Redis when it returns.
/// </summary>
internal sealed class InMemoryCostWindow
{
    private readonly ConcurrentDictionary<string, OrgWindow> _orgs = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly long _windowMs;
    private long _version;

    public InMemoryCostWindow(TimeProvider time, TimeSpan window)
    {
        _time = time;
        _windowMs = (long)window.TotalMilliseconds;
    }

    /// <summary>Bumped after every change to the journal (entries and releases), so a merge can tell what it saw.</summary>
    public long Version => Interlocked.Read(ref _version);

    public BudgetDecision Reserve(string orgId, string? reservationId, long estimatedBytes, long budget)
    {
        var org = Org(orgId);
        var now = Now();
        lock (org.Gate)
        {
            org.Prune(now - _windowMs);
            var used = org.Total(now - _windowMs);
            if (reservationId is not null && org.ById.TryGetValue(reservationId, out var existing))
            {
                return BudgetDecision.From(true, used - existing.Bytes, existing.Bytes, budget);
            }

            if (used + estimatedBytes > budget)
            {
                return BudgetDecision.From(false, used, estimatedBytes, budget);
            }

            if (reservationId is not null)
            {
                org.Add(new Entry(reservationId, estimatedBytes, now));
                Interlocked.Increment(ref _version);
            }

            return BudgetDecision.From(true, used, estimatedBytes, budget);
        }
    }

    /// <summary>Sets the reservation's bytes (keeping its time), or records them now if it is not here.</summary>
    public void Reconcile(string orgId, string reservationId, long actualBytes)
    {
        var org = Org(orgId);
        var now = Now();
        lock (org.Gate)
        {
            org.Prune(now - _windowMs);
            if (org.ById.TryGetValue(reservationId, out var entry))
            {
                org.Used += actualBytes - entry.Bytes;
                entry.Bytes = actualBytes;
            }
            else
            {
                org.Add(new Entry(reservationId, actualBytes, now));
            }

            Interlocked.Increment(ref _version);
        }
    }

    /// <summary>Removes the reservation; one this window does not hold (it is in Redis) is journalled as a release.</summary>
    public void Release(string orgId, string reservationId)
    {
        var org = Org(orgId);
        var now = Now();
        lock (org.Gate)
        {
            org.Prune(now - _windowMs);
            if (org.ById.Remove(reservationId, out var entry))
            {
                entry.Removed = true;
                org.Used -= entry.Bytes;
            }
            else
            {
                org.Releases[reservationId] = now;
            }

            Interlocked.Increment(ref _version);
        }
    }

    /// <summary>Remembers what Redis said the org uses; <paramref name="redisMs"/> orders reports that race.</summary>
    public void Carry(string orgId, long usedBytes, long redisMs)
    {
        var org = Org(orgId);
        var now = Now();
        lock (org.Gate)
        {
            if (redisMs > org.CarryVersion || (redisMs == org.CarryVersion && usedBytes > org.CarryBytes))
            {
                org.CarryVersion = redisMs;
                org.CarryBytes = usedBytes;
                org.CarryAtMs = now;
            }
        }
    }

    public void Purge(string orgId)
    {
        if (_orgs.TryRemove(orgId, out _))
        {
            Interlocked.Increment(ref _version);
        }
    }

    /// <summary>Every org's journal (entries recorded here and releases of Redis reservations), oldest first.</summary>
    public IReadOnlyList<CostJournal> Export()
    {
        var journals = new List<CostJournal>();
        var now = Now();
        foreach (var (orgId, org) in _orgs)
        {
            lock (org.Gate)
            {
                org.Prune(now - _windowMs);
                if (org.ById.Count == 0 && org.Releases.Count == 0)
                {
                    continue;
                }

                var entries = org.ById.Values.Select(e => new CostJournalEntry(e.Id, e.Bytes, e.AtMs))
                    .Concat(org.Releases.Select(r => new CostJournalEntry(r.Key, -1, r.Value)))
                    .OrderBy(e => e.AtMs)
                    .ToList();
                journals.Add(new CostJournal(orgId, entries));
            }
        }

        return journals;
    }

    /// <summary>
    /// Redis now holds the journal: drop what is unchanged since the export (what changed meanwhile stays for the
    /// next merge) and carry Redis's total, which includes it.
    /// </summary>
    public void Acknowledge(CostJournal journal, long usedBytes, long redisMs)
    {
        if (!_orgs.TryGetValue(journal.OrgId, out var org))
        {
            return;
        }

        lock (org.Gate)
        {
            foreach (var merged in journal.Entries)
            {
                if (merged.IsRelease)
                {
                    if (org.Releases.TryGetValue(merged.ReservationId, out var at) && at == merged.AtMs)
                    {
                        org.Releases.Remove(merged.ReservationId);
                    }
                }
                else if (org.ById.TryGetValue(merged.ReservationId, out var entry) && entry.Bytes == merged.Bytes && entry.AtMs == merged.AtMs)
                {
                    org.ById.Remove(merged.ReservationId);
                    entry.Removed = true;
                    org.Used -= entry.Bytes;
                }
            }
        }

        Carry(journal.OrgId, usedBytes, redisMs);
    }

    private OrgWindow Org(string orgId) => _orgs.GetOrAdd(orgId, static _ => new OrgWindow());

    private long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private sealed class Entry(string id, long bytes, long atMs)
    {
        public string Id { get; } = id;

        public long Bytes { get; set; } = bytes;

        public long AtMs { get; } = atMs;

        public bool Removed { get; set; }
    }

    private sealed class OrgWindow
    {
        public Lock Gate { get; } = new();

        /// <summary>Entries in the order they were added (time order), including removed ones until they age out.</summary>
        public Queue<Entry> ByTime { get; } = new();

        public Dictionary<string, Entry> ById { get; } = new(StringComparer.Ordinal);

        /// <summary>Releases of reservations this window never held: id → when.</summary>
        public Dictionary<string, long> Releases { get; } = new(StringComparer.Ordinal);

        /// <summary>Sum of the live entries' bytes.</summary>
        public long Used { get; set; }

        public long CarryBytes { get; set; }

        public long CarryAtMs { get; set; } = long.MinValue;

        public long CarryVersion { get; set; } = long.MinValue;

        public void Add(Entry entry)
        {
            Releases.Remove(entry.Id);
            ByTime.Enqueue(entry);
            ById[entry.Id] = entry;
            Used += entry.Bytes;
        }

        /// <summary>Drops entries older than the cutoff; one exactly at the cutoff still counts (as in Redis).</summary>
        public void Prune(long cutoffMs)
        {
            while (ByTime.TryPeek(out var oldest) && oldest.AtMs < cutoffMs)
            {
                ByTime.Dequeue();
                if (!oldest.Removed)
                {
                    ById.Remove(oldest.Id);
                    Used -= oldest.Bytes;
                }
            }

            foreach (var (id, at) in Releases)
            {
                if (at < cutoffMs)
                {
                    Releases.Remove(id);
                }
            }
        }

        /// <summary>Live entries plus the carried Redis usage, held until the newest entry behind it could expire.</summary>
        public long Total(long cutoffMs) => Used + (CarryAtMs >= cutoffMs ? CarryBytes : 0);
    }
}
