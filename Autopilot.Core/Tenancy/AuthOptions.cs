using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;

namespace Autopilot.Core.Tenancy;

/// <summary>How callers are identified (AUTH_*); read and validated once at start.</summary>
public sealed record AuthOptions
{
    public AuthMode Mode { get; init; } = AuthMode.Headers;

    /// <summary>The token issuer (AUTH_AUTHORITY); its <c>.well-known/openid-configuration</c> names the issuer and the signing keys.</summary>
    public Uri? Authority { get; init; }

    /// <summary>Accepted <c>aud</c> values (AUTH_AUDIENCE, comma-separated: e.g. the app ID URI and the client id).</summary>
    public IReadOnlyList<string> Audiences { get; init; } = [];

    /// <summary>Claims that carry the tenant, tried in order (AUTH_TENANT_CLAIM; default <c>tid</c> then <c>tenant_id</c>).</summary>
    public IReadOnlyList<string> TenantClaims { get; init; } = ["tid", "tenant_id"];

    /// <summary>The claim that carries the roles admin/member/viewer (AUTH_ROLE_CLAIM; default <c>roles</c>).</summary>
    public string RoleClaim { get; init; } = "roles";

    /// <summary>Tolerance on exp/nbf (AUTH_CLOCK_SKEW).</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How long issuer metadata and keys are used before they are read again (AUTH_METADATA_REFRESH).</summary>
    public TimeSpan MetadataRefresh { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The least time between two reads of the metadata (AUTH_METADATA_MIN_REFRESH): a token with an unknown key id makes the
    /// keys be read again, at most this often, so a flood of forged key ids cannot hammer the issuer.
    /// </summary>
    public TimeSpan MetadataMinRefresh { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Plain http is allowed for an authority on a loopback address only (a local test issuer).</summary>
    public bool RequireHttps => Authority is null || !IsLoopback(Authority);

    public static AuthOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var errors = new List<string>();
        var defaults = new AuthOptions();
        var rawMode = configuration["AUTH_MODE"]?.Trim();
        var mode = string.IsNullOrEmpty(rawMode) ? AuthMode.Headers : rawMode.ToLowerInvariant() switch
        {
            "headers" => AuthMode.Headers,
            "jwt" => AuthMode.Jwt,
            _ => Error(errors, $"AUTH_MODE must be 'headers' (X-Tenant-Id/X-User-Role trusted as sent) or 'jwt' (bearer tokens); got '{rawMode}'.", AuthMode.Headers),
        };

        Uri? authority = null;
        var rawAuthority = configuration["AUTH_AUTHORITY"]?.Trim() ?? string.Empty;
        if (rawAuthority.Length > 0)
        {
            if (!Uri.TryCreate(rawAuthority, UriKind.Absolute, out authority) || authority.Scheme is not ("https" or "http"))
            {
                errors.Add($"AUTH_AUTHORITY '{rawAuthority}' is not an absolute https URL (e.g. https://login.microsoftonline.com/<tenant id>/v2.0).");
                authority = null;
            }
            else if (authority.Scheme == "http" && !IsLoopback(authority))
            {
                errors.Add($"AUTH_AUTHORITY '{rawAuthority}' must use https (plain http only for a loopback test issuer).");
            }
        }

        var audiences = Split(configuration["AUTH_AUDIENCE"]);
        if (mode == AuthMode.Jwt && authority is null && rawAuthority.Length == 0)
        {
            errors.Add("AUTH_MODE=jwt needs AUTH_AUTHORITY: the token issuer, e.g. https://login.microsoftonline.com/<tenant id>/v2.0.");
        }

        if (mode == AuthMode.Jwt && audiences.Count == 0)
        {
            errors.Add("AUTH_MODE=jwt needs AUTH_AUDIENCE: the API's app ID URI or client id that tokens are issued for (comma-separated for several).");
        }

        var tenantClaims = Split(configuration["AUTH_TENANT_CLAIM"]);
        var roleClaim = configuration["AUTH_ROLE_CLAIM"]?.Trim() is { Length: > 0 } role ? role : defaults.RoleClaim;
        var options = new AuthOptions
        {
            Mode = mode,
            Authority = authority,
            Audiences = audiences,
            TenantClaims = tenantClaims.Count > 0 ? tenantClaims : defaults.TenantClaims,
            RoleClaim = roleClaim,
            ClockSkew = Duration(configuration, "AUTH_CLOCK_SKEW", defaults.ClockSkew, TimeSpan.Zero, TimeSpan.FromHours(1), errors),
            MetadataRefresh = Duration(configuration, "AUTH_METADATA_REFRESH", defaults.MetadataRefresh, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1), errors),
            MetadataMinRefresh = Duration(configuration, "AUTH_METADATA_MIN_REFRESH", defaults.MetadataMinRefresh, TimeSpan.Zero, TimeSpan.FromHours(1), errors),
        };
        return errors.Count == 0 ? options : throw new InvalidOperationException(string.Join(Environment.NewLine + " - ", errors));
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static List<string> Split(string? raw) =>
        [.. (raw ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static TimeSpan Duration(IConfiguration configuration, string key, TimeSpan fallback, TimeSpan min, TimeSpan max, List<string> errors)
    {
        var raw = configuration[key];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return fallback;
        }

        if (TimeSpan.TryParse(raw.Trim(), CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors.Add($"{key} must be a TimeSpan hh:mm:ss from {min} to {max}; got '{raw}'.");
        return fallback;
    }

    private static T Error<T>(List<string> errors, string message, T fallback)
    {
        errors.Add(message);
        return fallback;
    }
}
