using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace Autopilot.Core.RateLimits;

/// <summary>
/// Per-tenant request limits by route class, from <c>RATE_LIMIT_READ</c>, <c>RATE_LIMIT_WRITE</c>,
/// <c>RATE_LIMIT_AGENT</c> and <c>RATE_LIMIT_ADMIN</c>; each <c>N/period</c> (e.g. <c>600/m</c>, <c>20/10s</c>,
/// <c>5000/h</c>). A class with no setting is not limited, so the service is unlimited unless configured.
/// </summary>
public sealed partial record RateLimitOptions(IReadOnlyDictionary<RouteClass, RateLimit> Limits)
{
    public const int MaxRequests = 1_000_000;

    public static readonly TimeSpan MinPeriod = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan MaxPeriod = TimeSpan.FromDays(1);

    public static RateLimitOptions Off { get; } = new(new Dictionary<RouteClass, RateLimit>());

    public bool Enabled => Limits.Count > 0;

    public RateLimit? For(RouteClass routeClass) => Limits.GetValueOrDefault(routeClass);

    /// <summary>Reads every class's setting; a bad value throws naming the variable and the accepted form.</summary>
    public static RateLimitOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var limits = new Dictionary<RouteClass, RateLimit>();
        var errors = new List<string>();
        foreach (var routeClass in Enum.GetValues<RouteClass>())
        {
            var setting = RouteClasses.SettingOf(routeClass);
            var raw = configuration[setting];
            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            if (TryParse(raw, out var limit))
            {
                limits[routeClass] = limit;
            }
            else
            {
                errors.Add($"{setting} must be N/period: N requests from 1 to {MaxRequests} per period of 1 s to 1 day written s, m, h or d with an optional count (e.g. 600/m, 20/10s, 5000/h); got '{raw}'.");
            }
        }

        return errors.Count > 0 ? throw new InvalidOperationException(string.Join(Environment.NewLine + " - ", errors)) : new RateLimitOptions(limits);
    }

    /// <summary>Parses <c>N/period</c>; false for anything outside the documented form or bounds.</summary>
    public static bool TryParse(string text, out RateLimit limit)
    {
        ArgumentNullException.ThrowIfNull(text);
        limit = null!;
        var match = Form().Match(text.Trim());
        if (!match.Success
            || !int.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var requests)
            || requests is < 1 or > MaxRequests)
        {
            return false;
        }

        var count = 1;
        if (match.Groups["count"].Success && !int.TryParse(match.Groups["count"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out count))
        {
            return false;
        }

        var unit = match.Groups["unit"].Value.ToLowerInvariant() switch
        {
            "s" => TimeSpan.FromSeconds(1),
            "m" => TimeSpan.FromMinutes(1),
            "h" => TimeSpan.FromHours(1),
            _ => TimeSpan.FromDays(1),
        };
        var period = unit * count;
        if (count < 1 || period < MinPeriod || period > MaxPeriod)
        {
            return false;
        }

        limit = new RateLimit(requests, period);
        return true;
    }

    [GeneratedRegex(@"^(?<n>[0-9]{1,7})\s*/\s*(?<count>[0-9]{1,5})?(?<unit>[smhdSMHD])$", RegexOptions.CultureInvariant)]
    private static partial Regex Form();
}
