namespace Autopilot.Core.Caching;

/// <summary>What a cache entry holds; each domain has its own key prefix and TTL.</summary>
public enum CacheDomain
{
    /// <summary>A connection's introspected schema (<c>schema:</c>).</summary>
    Schema,

    /// <summary>A table's profile statistics (<c>profile:</c>).</summary>
    Profile,

    /// <summary>A query's result (<c>query:</c>).</summary>
    Query,
}
