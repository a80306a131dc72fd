using Autopilot.Core.Caching;

namespace Autopilot.Tests.Caching;

/// <summary>Cache-aside, TTLs and invalidation, pinned once and run against Redis and against the memory store.</summary>
public abstract class CacheContract
{
    protected static CancellationToken None => CancellationToken.None;

    protected static string NewTenant() => "org_" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>A cache over the store under test.</summary>
    protected abstract IAutopilotCache Create(CacheOptions options);

    /// <summary>Lets <paramref name="by"/> pass for the store's clock.</summary>
    protected abstract Task PassAsync(TimeSpan by);

    /// <summary>The shortest TTL the store's clock can test quickly.</summary>
    protected abstract TimeSpan ShortTtl { get; }

    [Fact]
    public async Task A_miss_runs_the_factory_and_stores_its_value_and_a_hit_returns_it_without_running_it()
    {
        var cache = Create(new CacheOptions());
        var key = CacheKey.Schema(NewTenant(), "conn_1");
        var schema = new CachedSchema("analytics", ["events", "orders"], new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        var calls = 0;

        var miss = await cache.GetOrCreateAsync(key, _ => { calls++; return Task.FromResult(schema); }, None);
        var hit = await cache.GetOrCreateAsync(key, _ => { calls++; return Task.FromResult(schema with { Dataset = "other" }); }, None);

        Assert.Equal((false, true, 1), (miss.CacheHit, hit.CacheHit, calls));
        Assert.Equal(schema.Dataset, hit.Value.Dataset);
        Assert.Equal(schema.Tables, hit.Value.Tables);
        Assert.Equal(schema.IntrospectedAt, hit.Value.IntrospectedAt);
    }

    [Fact]
    public async Task Entries_expire_after_their_domain_TTL()
    {
        var ttl = ShortTtl;
        var cache = Create(new CacheOptions { QueryTtl = ttl, SchemaTtl = ttl * 20 });
        var tenant = NewTenant();
        var query = CacheKey.Query(tenant, "conn_1", "SELECT 1");
        var schema = CacheKey.Schema(tenant, "conn_1");
        await cache.GetOrCreateAsync(query, _ => Task.FromResult(1), None);
        await cache.GetOrCreateAsync(schema, _ => Task.FromResult("s"), None);

        await PassAsync(ttl / 2);
        Assert.True((await cache.GetOrCreateAsync(query, _ => Task.FromResult(2), None)).CacheHit);
        await PassAsync((ttl / 2) + TimeSpan.FromMilliseconds(100));

        var expired = await cache.GetOrCreateAsync(query, _ => Task.FromResult(3), None);
        Assert.Equal((false, 3), (expired.CacheHit, expired.Value));
        Assert.True((await cache.GetOrCreateAsync(schema, _ => Task.FromResult("t"), None)).CacheHit);
    }

    [Fact]
    public async Task Invalidating_a_connection_removes_its_schema_profiles_and_queries_and_counts_them()
    {
        var cache = Create(new CacheOptions());
        var tenant = NewTenant();
        CacheKey[] conn1 = [CacheKey.Schema(tenant, "conn_1"), CacheKey.Profile(tenant, "conn_1", "events"), CacheKey.Profile(tenant, "conn_1", "orders"), CacheKey.Query(tenant, "conn_1", "SELECT 1")];
        CacheKey[] conn10 = [CacheKey.Schema(tenant, "conn_10"), CacheKey.Profile(tenant, "conn_10", "events"), CacheKey.Query(tenant, "conn_10", "SELECT 1")];
        foreach (var key in conn1.Concat(conn10))
        {
            await cache.GetOrCreateAsync(key, _ => Task.FromResult(key.Value), None);
        }

        var removed = await cache.InvalidateConnectionAsync(tenant, "conn_1", None);
        var again = await cache.InvalidateConnectionAsync(tenant, "conn_1", None);

        Assert.Equal((4, 0), (removed, again));
        foreach (var key in conn1)
        {
            Assert.False((await cache.GetOrCreateAsync(key, _ => Task.FromResult("new"), None)).CacheHit);
        }

        // conn_1 is a prefix of conn_10's text, not of its scope.
        foreach (var key in conn10)
        {
            Assert.True((await cache.GetOrCreateAsync(key, _ => Task.FromResult("new"), None)).CacheHit);
        }
    }

    [Fact]
    public async Task Invalidating_a_tenant_leaves_other_tenants_keys_even_when_ids_look_like_prefixes_or_patterns()
    {
        var cache = Create(new CacheOptions());
        var tenant = NewTenant();
        string[] others = [tenant + "x", tenant + ":conn_1", tenant + "*", NewTenant()];
        foreach (var t in others.Prepend(tenant))
        {
            await cache.GetOrCreateAsync(CacheKey.Schema(t, "conn_1"), _ => Task.FromResult(t), None);
            await cache.GetOrCreateAsync(CacheKey.Query(t, "conn_1", "SELECT 1"), _ => Task.FromResult(t), None);
        }

        var removed = await cache.InvalidateTenantAsync(tenant, None);

        Assert.Equal(2, removed);
        Assert.False((await cache.GetOrCreateAsync(CacheKey.Schema(tenant, "conn_1"), _ => Task.FromResult("new"), None)).CacheHit);
        foreach (var t in others)
        {
            var schema = await cache.GetOrCreateAsync(CacheKey.Schema(t, "conn_1"), _ => Task.FromResult("new"), None);
            var query = await cache.GetOrCreateAsync(CacheKey.Query(t, "conn_1", "SELECT 1"), _ => Task.FromResult("new"), None);
            Assert.Equal((true, t, true), (schema.CacheHit, schema.Value, query.CacheHit));
        }
    }

    [Fact]
    public async Task A_raw_prefix_invalidation_counts_what_it_removed()
    {
        var cache = Create(new CacheOptions());
        var tenant = NewTenant();
        for (var i = 0; i < 7; i++)
        {
            await cache.GetOrCreateAsync(CacheKey.Query(tenant, "conn_1", $"SELECT {i}"), _ => Task.FromResult(i), None);
        }

        await cache.GetOrCreateAsync(CacheKey.Schema(tenant, "conn_1"), _ => Task.FromResult(0), None);

        Assert.Equal(7, await cache.InvalidateAsync(CacheKey.TenantScope(CacheDomain.Query, tenant) + ":", None));
        Assert.True((await cache.GetOrCreateAsync(CacheKey.Schema(tenant, "conn_1"), _ => Task.FromResult(1), None)).CacheHit);
    }

    [Fact]
    public async Task The_factory_failing_stores_nothing()
    {
        var cache = Create(new CacheOptions());
        var key = CacheKey.Schema(NewTenant(), "conn_1");

        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetOrCreateAsync<string>(key, _ => throw new InvalidOperationException("warehouse down"), None));

        Assert.False((await cache.GetOrCreateAsync(key, _ => Task.FromResult("ok"), None)).CacheHit);
    }
}
