using System.Security.Cryptography;
using System.Text;

namespace Autopilot.Core.Caching;

/// <summary>
/// A cache key namespaced by domain, tenant and connection: <c>schema:{tenant}:{connection}</c>,
/// <c>profile:{tenant}:{connection}:{table}</c>, <c>query:{tenant}:{connection}:{sha256 of the SQL}</c>.
/// Each part is percent-encoded, so ':' and glob characters in an id cannot reach into another tenant's keys.
/// </summary>
public sealed record CacheKey
{
    private CacheKey(CacheDomain domain, string value)
    {
        Domain = domain;
        Value = value;
    }

    public CacheDomain Domain { get; }

    /// <summary>The key as stored.</summary>
    public string Value { get; }

    public static CacheKey Schema(string tenantId, string connectionId) =>
        new(CacheDomain.Schema, ConnectionScope(CacheDomain.Schema, tenantId, connectionId));

    public static CacheKey Profile(string tenantId, string connectionId, string table) =>
        new(CacheDomain.Profile, ConnectionScope(CacheDomain.Profile, tenantId, connectionId) + ":" + Part(table, nameof(table)));

    /// <summary>A query result, keyed by the SHA-256 of the exact SQL text that runs (after rewriting).</summary>
    public static CacheKey Query(string tenantId, string connectionId, string sql)
    {
        ArgumentException.ThrowIfNullOrEmpty(sql);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));
        return new(CacheDomain.Query, ConnectionScope(CacheDomain.Query, tenantId, connectionId) + ":" + hash);
    }

    /// <summary>The domain's key prefix without separator: <c>schema</c>, <c>profile</c>, <c>query</c>.</summary>
    public static string Prefix(CacheDomain domain) => domain switch
    {
        CacheDomain.Schema => "schema",
        CacheDomain.Profile => "profile",
        CacheDomain.Query => "query",
        _ => throw new ArgumentOutOfRangeException(nameof(domain), domain, null),
    };

    /// <summary>A tenant's scope in a domain: the scope itself and every key under <c>scope:</c>.</summary>
    public static string TenantScope(CacheDomain domain, string tenantId) => Prefix(domain) + ":" + Part(tenantId, nameof(tenantId));

    /// <summary>A connection's scope in a domain: the scope itself and every key under <c>scope:</c>.</summary>
    public static string ConnectionScope(CacheDomain domain, string tenantId, string connectionId) =>
        TenantScope(domain, tenantId) + ":" + Part(connectionId, nameof(connectionId));

    public override string ToString() => Value;

    private static string Part(string value, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, name);
        return Uri.EscapeDataString(value);
    }
}
