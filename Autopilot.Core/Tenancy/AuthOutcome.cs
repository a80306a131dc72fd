namespace Autopilot.Core.Tenancy;

/// <summary>
/// How identity was established for one request, or why it was not: the dispatcher answers a refusal with
/// <see cref="Status"/> (401 with <see cref="Challenge"/> as <c>WWW-Authenticate</c>, or 403) and audits
/// <see cref="Mode"/> and <see cref="Reason"/> with it.
/// </summary>
public sealed record AuthOutcome(AuthMode Mode, string Reason, RequestIdentity? Identity, int Status = 200, string? Detail = null, string? Challenge = null)
{
    /// <summary>The tenant of a valid token that was still refused (no role, contradicting headers): its refusal is audited there.</summary>
    public string? TokenTenant { get; init; }

    public bool Succeeded => Identity is not null;

    public static AuthOutcome Accepted(AuthMode mode, RequestIdentity identity) => new(mode, "authenticated", identity);

    /// <summary>401: no usable token. RFC 6750 §3: no error code when no token was sent at all.</summary>
    public static AuthOutcome Unauthenticated(string reason, string description) => new(
        AuthMode.Jwt, reason, null, 401, description,
        reason == BearerReasons.MissingToken
            ? "Bearer realm=\"autopilot\""
            : $"Bearer realm=\"autopilot\", error=\"invalid_token\", error_description=\"{description}\"");

    /// <summary>403: a valid token that may not do this (no role, or identity headers that contradict it).</summary>
    public static AuthOutcome Forbidden(string reason, string detail, string tokenTenant) => new(AuthMode.Jwt, reason, null, 403, detail) { TokenTenant = tokenTenant };
}
