using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Autopilot.Core.Tenancy;

/// <summary>
/// AUTH_MODE=jwt: the caller is the bearer token's subject; tenant and role come from its claims. Validation runs inside Core
/// (IdentityModel's <see cref="JsonWebTokenHandler"/> against the issuer's metadata) rather than in ASP.NET Core's JwtBearer
/// middleware, because the Azure Functions isolated worker does not run the server's middleware pipeline: both runtimes call
/// the dispatcher, so validating there gives one code path and one enforcement point for both.
/// </summary>
public sealed class BearerTokenAuthenticator
{
    /// <summary>Asymmetric algorithms only: a token "signed" with HS256 over a public key (algorithm confusion) is refused.</summary>
    private static readonly string[] Algorithms = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"];

    private readonly AuthOptions _options;
    private readonly OpenIdMetadataCache _metadata;
    private readonly TimeProvider _time;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public BearerTokenAuthenticator(AuthOptions options, OpenIdMetadataCache metadata, TimeProvider time)
    {
        _options = options;
        _metadata = metadata;
        _time = time;
    }

    public async Task<AuthOutcome> AuthenticateAsync(HttpRequest request, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= "Bearer ".Length)
        {
            return AuthOutcome.Unauthenticated(BearerReasons.MissingToken, "A bearer token is required");
        }

        var token = header["Bearer ".Length..].Trim();
        if (!_handler.CanReadToken(token))
        {
            return AuthOutcome.Unauthenticated(BearerReasons.Malformed, "The token is not a JWT");
        }

        // alg:none carries no signature at all: named apart from a bad signature so the audit trail says what was tried.
        string alg;
        try
        {
            alg = _handler.ReadJsonWebToken(token).Alg;
        }
        catch (ArgumentException)
        {
            return AuthOutcome.Unauthenticated(BearerReasons.Malformed, "The token is not a JWT");
        }

        if (string.IsNullOrEmpty(alg) || string.Equals(alg, "none", StringComparison.OrdinalIgnoreCase))
        {
            return AuthOutcome.Unauthenticated(BearerReasons.NoSignature, "Unsigned tokens are not accepted");
        }

        var metadata = await _metadata.GetAsync(cancellation);
        if (metadata is null)
        {
            return AuthOutcome.Unauthenticated(BearerReasons.AuthorityUnavailable, "The token issuer's signing keys are unavailable");
        }

        var result = await ValidateAsync(token, metadata);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException && await _metadata.RefreshAsync(cancellation) is { } refreshed && !ReferenceEquals(refreshed, metadata))
        {
            // The issuer may have rotated its keys since we read them: one more try with what it publishes now.
            result = await ValidateAsync(token, refreshed);
        }

        if (!result.IsValid)
        {
            var (reason, description) = Classify(result.Exception);
            return AuthOutcome.Unauthenticated(reason, description);
        }

        return Identify((JsonWebToken)result.SecurityToken, request.Headers);
    }

    private Task<TokenValidationResult> ValidateAsync(string token, OpenIdConnectConfiguration metadata) =>
        _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = metadata.Issuer,
            ValidAudiences = _options.Audiences,
            IssuerSigningKeys = metadata.SigningKeys,
            ValidAlgorithms = Algorithms,
            ClockSkew = _options.ClockSkew,
            LifetimeValidator = ValidateLifetime,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            TryAllIssuerSigningKeys = false,
        });

    /// <summary>exp/nbf against <see cref="TimeProvider"/> (IdentityModel's own check reads the system clock).</summary>
    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        if (expires is not { } exp)
        {
            throw new SecurityTokenNoExpirationException("The token has no expiry");
        }

        if (notBefore is { } nbf && nbf > now + _options.ClockSkew)
        {
            throw new SecurityTokenNotYetValidException("The token is not valid yet") { NotBefore = nbf };
        }

        return exp >= now - _options.ClockSkew
            ? true
            : throw new SecurityTokenExpiredException("The token is expired") { Expires = exp };
    }

    private AuthOutcome Identify(JsonWebToken token, IHeaderDictionary headers)
    {
        var tenant = _options.TenantClaims
            .Select(name => token.Claims.FirstOrDefault(c => c.Type == name)?.Value)
            .FirstOrDefault(v => !string.IsNullOrEmpty(v));
        if (tenant is null || tenant.Length > RequestIdentity.MaxTenantIdLength || tenant.Any(char.IsControl))
        {
            return AuthOutcome.Unauthenticated(BearerReasons.NoTenant, $"The token carries no usable tenant claim ({string.Join(" or ", _options.TenantClaims)})");
        }

        // A caller may hold several app roles: the highest one counts.
        var roles = token.Claims.Where(c => c.Type == _options.RoleClaim).Select(c => c.Value.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        UserRole? role = roles.Contains("admin") ? UserRole.Admin : roles.Contains("member") ? UserRole.Member : roles.Contains("viewer") ? UserRole.Viewer : null;
        if (role is null)
        {
            return AuthOutcome.Forbidden(BearerReasons.NoRole, "Insufficient role: the token carries no admin, member or viewer role", tenant);
        }

        // Headers are optional with a token, but a caller that sends them must mean the same identity.
        var headerTenant = headers[RequestIdentity.TenantHeader].ToString();
        if (headerTenant.Length > 0 && !string.Equals(headerTenant, tenant, StringComparison.Ordinal))
        {
            return AuthOutcome.Forbidden(BearerReasons.HeaderMismatch, "Tenant boundary violation: X-Tenant-Id does not match the token", tenant);
        }

        var headerRole = headers[RequestIdentity.RoleHeader].ToString();
        if (headerRole.Length > 0 && !string.Equals(headerRole, role.Value.ToString(), StringComparison.OrdinalIgnoreCase))
        {
            return AuthOutcome.Forbidden(BearerReasons.HeaderMismatch, "X-User-Role does not match the token's role", tenant);
        }

        return AuthOutcome.Accepted(AuthMode.Jwt, new RequestIdentity(tenant, role.Value));
    }

    private static (string Reason, string Description) Classify(Exception? error) => error switch
    {
        SecurityTokenExpiredException => (BearerReasons.Expired, "The token is expired"),
        SecurityTokenNotYetValidException => (BearerReasons.NotYetValid, "The token is not valid yet"),
        SecurityTokenInvalidIssuerException => (BearerReasons.WrongIssuer, "The token was issued by another issuer"),
        SecurityTokenInvalidAudienceException => (BearerReasons.WrongAudience, "The token is for another audience"),
        SecurityTokenSignatureKeyNotFoundException => (BearerReasons.UnknownKey, "The token's signing key is not the issuer's"),
        SecurityTokenInvalidSignatureException or SecurityTokenInvalidAlgorithmException => (BearerReasons.BadSignature, "The token's signature is invalid"),
        _ => (BearerReasons.Malformed, "The token is invalid"),
    };
}
