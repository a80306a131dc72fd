using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Autopilot.Core.Caching;

/// <summary>Time to live per cache domain (CACHE-2, CACHE-3).</summary>
public sealed record CacheOptions
{
    /// <summary>SCHEMA_CACHE_TTL_SECONDS (3600).</summary>
    public TimeSpan SchemaTtl { get; init; } = TimeSpan.FromSeconds(3600);

    /// <summary>Profile statistics live as long as the schema they describe by default.</summary>
    public TimeSpan ProfileTtl { get; init; } = TimeSpan.FromSeconds(3600);

    /// <summary>QUERY_CACHE_TTL_SECONDS (300).</summary>
    public TimeSpan QueryTtl { get; init; } = TimeSpan.FromSeconds(300);

    public TimeSpan TtlFor(CacheDomain domain) => domain switch
    {
        CacheDomain.Schema => SchemaTtl,
        CacheDomain.Profile => ProfileTtl,
        CacheDomain.Query => QueryTtl,
        _ => throw new ArgumentOutOfRangeException(nameof(domain), domain, null),
    };

    /// <summary>Reads the TTLs; a bad value throws naming the variable and what it accepts.</summary>
    public static CacheOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var defaults = new CacheOptions();
        return defaults with
        {
            SchemaTtl = Seconds(configuration, "SCHEMA_CACHE_TTL_SECONDS", defaults.SchemaTtl),
            QueryTtl = Seconds(configuration, "QUERY_CACHE_TTL_SECONDS", defaults.QueryTtl),
        };
    }

    private static TimeSpan Seconds(IConfiguration configuration, string key, TimeSpan fallback)
    {
        var raw = configuration[key];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return fallback;
        }

        const int max = 7 * 24 * 3600;
        if (int.TryParse(raw.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 1 and <= max)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        throw new InvalidOperationException($"{key} must be a whole number of seconds from 1 to {max}; got '{raw}'.");
    }
}
