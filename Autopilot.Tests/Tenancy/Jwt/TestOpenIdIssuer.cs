using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Autopilot.Tests.Tenancy.Jwt;

/// <summary>
/// An OpenID Connect issuer over loopback (Kestrel on a free port): <c>/.well-known/openid-configuration</c> and a JWKS of RSA
/// keys that tests add and remove (key rotation), and real RS256 tokens signed with them. It counts metadata reads.
/// </summary>
public sealed class TestOpenIdIssuer : IAsyncDisposable
{
    public const string Audience = "api://autopilot-tests";

    private readonly ConcurrentDictionary<string, RSA> _published = new();
    private readonly ConcurrentDictionary<string, RSA> _keys = new();
    private WebApplication? _app;
    private int _metadataReads;

    private TestOpenIdIssuer()
    {
    }

    public Uri Authority { get; private set; } = null!;

    public string Issuer => Authority.AbsoluteUri.TrimEnd('/');

    public int MetadataReads => Volatile.Read(ref _metadataReads);

    /// <summary>The key id new tokens are signed with unless a test names another.</summary>
    public string CurrentKid { get; private set; } = string.Empty;

    public static async Task<TestOpenIdIssuer> StartAsync()
    {
        var issuer = new TestOpenIdIssuer();
        issuer.CurrentKid = issuer.AddKey();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/.well-known/openid-configuration", (HttpContext http) =>
        {
            Interlocked.Increment(ref issuer._metadataReads);
            return Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = issuer.Issuer,
                ["jwks_uri"] = issuer.Issuer + "/keys",
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
                ["response_types_supported"] = new[] { "code" },
                ["subject_types_supported"] = new[] { "public" },
            });
        });
        app.MapGet("/keys", () => Results.Text(issuer.Jwks(), "application/json"));
        await app.StartAsync();
        issuer._app = app;
        issuer.Authority = new Uri(app.Urls.First().TrimEnd('/') + "/");
        return issuer;
    }

    /// <summary>Creates a key and publishes it in the JWKS; returns its key id.</summary>
    public string AddKey(bool publish = true)
    {
        var kid = "k" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant();
        _keys[kid] = RSA.Create(2048);
        if (publish)
        {
            _published[kid] = _keys[kid];
        }

        return kid;
    }

    /// <summary>Stops publishing a key (the end of a rotation): tokens it signs must stop working.</summary>
    public void Unpublish(string kid) => _published.TryRemove(kid, out _);

    public void SignWith(string kid) => CurrentKid = kid;

    /// <summary>A signed token; every part can be bent for the bad-token cases.</summary>
    public string Token(string? tenant, IEnumerable<string>? roles, DateTimeOffset now, TimeSpan? lifetime = null, TimeSpan? startsIn = null,
        string? issuer = null, string? audience = null, string? kid = null, string tenantClaim = "tid", IDictionary<string, object>? extra = null)
    {
        var key = kid ?? CurrentKid;
        var claims = new Dictionary<string, object> { ["sub"] = "user-" + (tenant ?? "none"), ["oid"] = Guid.NewGuid().ToString() };
        if (tenant is not null)
        {
            claims[tenantClaim] = tenant;
        }

        if (roles is not null)
        {
            claims["roles"] = roles.ToArray();
        }

        foreach (var (name, value) in extra ?? new Dictionary<string, object>())
        {
            claims[name] = value;
        }

        var notBefore = now + (startsIn ?? TimeSpan.FromMinutes(-1));
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience ?? Audience,
            IssuedAt = notBefore.UtcDateTime,
            NotBefore = notBefore.UtcDateTime,
            Expires = (now + (lifetime ?? TimeSpan.FromMinutes(30))).UtcDateTime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(_keys[key]) { KeyId = key }, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>The same claims with <c>alg: none</c> and no signature.</summary>
    public static string WithoutSignature(string signedToken)
    {
        var payload = signedToken.Split('.')[1];
        return Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""") + "." + payload + ".";
    }

    /// <summary>A signed token whose payload was changed afterwards (here: its tenant), signature kept.</summary>
    public static string Tampered(string signedToken, string tenant)
    {
        var parts = signedToken.Split('.');
        var payload = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64UrlEncoder.Decode(parts[1]))!;
        var changed = payload.ToDictionary(p => p.Key, p => (object)p.Value);
        changed["tid"] = tenant;
        return parts[0] + "." + Base64UrlEncoder.Encode(JsonSerializer.Serialize(changed)) + "." + parts[2];
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }
    }

    private string Jwks()
    {
        var keys = _published.Select(p =>
        {
            var parameters = p.Value.ExportParameters(false);
            return new Dictionary<string, string>
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["alg"] = "RS256",
                ["kid"] = p.Key,
                ["n"] = Base64UrlEncoder.Encode(parameters.Modulus!),
                ["e"] = Base64UrlEncoder.Encode(parameters.Exponent!),
            };
        });
        return JsonSerializer.Serialize(new { keys });
    }
}
