using Autopilot.Core.Caching;

namespace Autopilot.Tests.Caching;

public sealed class CacheKeyTests
{
    [Fact]
    public void Keys_are_namespaced_by_domain_tenant_and_connection()
    {
        Assert.Equal("schema:org_a:conn_1", CacheKey.Schema("org_a", "conn_1").Value);
        Assert.Equal("profile:org_a:conn_1:events", CacheKey.Profile("org_a", "conn_1", "events").Value);
        Assert.Matches("^query:org_a:conn_1:[0-9a-f]{64}$", CacheKey.Query("org_a", "conn_1", "SELECT 1").Value);
        Assert.Equal(CacheDomain.Profile, CacheKey.Profile("org_a", "conn_1", "events").Domain);
    }

    [Fact]
    public void The_same_SQL_gives_the_same_key_and_different_SQL_or_connections_do_not()
    {
        Assert.Equal(CacheKey.Query("org_a", "conn_1", "SELECT 1"), CacheKey.Query("org_a", "conn_1", "SELECT 1"));
        Assert.NotEqual(CacheKey.Query("org_a", "conn_1", "SELECT 1"), CacheKey.Query("org_a", "conn_1", "SELECT 2"));
        Assert.NotEqual(CacheKey.Query("org_a", "conn_1", "SELECT 1"), CacheKey.Query("org_a", "conn_2", "SELECT 1"));
    }

    [Fact]
    public void Separators_and_glob_characters_in_ids_are_encoded_so_no_id_reaches_into_another_scope()
    {
        Assert.Equal("schema:org%3Aa:conn%2A", CacheKey.Schema("org:a", "conn*").Value);
        Assert.Equal("profile:org_a:c%3Ad:db.table%20x", CacheKey.Profile("org_a", "c:d", "db.table x").Value);
        Assert.DoesNotContain(":", CacheKey.TenantScope(CacheDomain.Query, "a:b")["query:".Length..], StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_parts_are_refused()
    {
        Assert.Throws<ArgumentException>(() => CacheKey.Schema("", "conn_1"));
        Assert.Throws<ArgumentException>(() => CacheKey.Query("org_a", "conn_1", ""));
    }
}
