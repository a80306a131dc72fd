namespace Autopilot.Core.Caching;

/// <summary>Counting a tenant's entries: SCAN MATCH on Redis when it answers, the memory store otherwise.</summary>
public sealed partial class AutopilotCache
{
    public async Task<long> CountTenantAsync(string tenantId, CancellationToken cancellation)
    {
        var scopes = Domains.Select(d => new Invalidation(CacheKey.TenantScope(d, tenantId), Scope: true)).ToArray();
        var inMemory = scopes.Sum(s => _memory.CountMatching(s.Matches));
        var db = await _redis.TryGetDatabaseAsync(cancellation);
        if (db is null)
        {
            return inMemory;
        }

        try
        {
            long found = 0;
            foreach (var scope in scopes)
            {
                found += await db.KeyExistsAsync(scope.Prefix) ? 1 : 0;
                var pattern = EscapeGlob(scope.Prefix + ":") + "*";
                foreach (var server in _redis.Multiplexer?.GetServers() ?? [])
                {
                    if (server.IsReplica || !server.IsConnected)
                    {
                        continue;
                    }

                    await foreach (var _ in server.KeysAsync(db.Database, pattern, ScanPage).WithCancellation(cancellation))
                    {
                        found++;
                    }
                }
            }

            // Entries written to memory during an outage are the tenant's too, until the replay removes them.
            return found + inMemory;
        }
        catch (Exception ex) when (RedisConnection.IsFailure(ex))
        {
            Failed(ex);
            return inMemory;
        }
    }
}
