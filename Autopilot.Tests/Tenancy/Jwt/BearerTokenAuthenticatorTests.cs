using System.Net;
using System.Net.Sockets;
using System.Reflection;
using Autopilot.Core.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Autopilot.Tests.Tenancy.Jwt;

/// <summary>
/// AUTH_MODE=jwt validation against a real OpenID issuer over loopback: every bad-token case is 401 with a
/// <c>WWW-Authenticate</c> challenge, key rotation is followed, an unreachable issuer fails closed.
/// </summary>
public sealed class BearerTokenAuthenticatorTests : IClassFixture<TestIssuerFixture>
{
    private const string Tenant = "org_jwt_a";
    private readonly TestOpenIdIssuer _issuer;
    private readonly FakeTimeProvider _time = new(TimeProvider.System.GetUtcNow());

    public BearerTokenAuthenticatorTests(TestIssuerFixture fixture) => _issuer = fixture.Issuer;

    /// <summary>Each token the issue names as bad, by the reason the authenticator gives for it.</summary>
    public static TheoryData<string> BadTokenReasons => [.. BadTokens.Keys];

    private static readonly Dictionary<string, Func<TestOpenIdIssuer, DateTimeOffset, string?>> BadTokens = new()
    {
        [BearerReasons.MissingToken] = (_, _) => null,
        [BearerReasons.Malformed] = (_, _) => "not-a.jwt",
        [BearerReasons.Expired] = (i, now) => i.Token(Tenant, ["admin"], now, startsIn: TimeSpan.FromHours(-2), lifetime: TimeSpan.FromMinutes(-10)),
        [BearerReasons.NotYetValid] = (i, now) => i.Token(Tenant, ["admin"], now, startsIn: TimeSpan.FromHours(1), lifetime: TimeSpan.FromHours(2)),
        [BearerReasons.WrongIssuer] = (i, now) => i.Token(Tenant, ["admin"], now, issuer: "https://login.example.com/other/v2.0"),
        [BearerReasons.WrongAudience] = (i, now) => i.Token(Tenant, ["admin"], now, audience: "api://someone-else"),
        [BearerReasons.NoSignature] = (i, now) => TestOpenIdIssuer.WithoutSignature(i.Token(Tenant, ["admin"], now)),
        [BearerReasons.BadSignature] = (i, now) => TestOpenIdIssuer.Tampered(i.Token("org_jwt_b", ["admin"], now), Tenant),
        [BearerReasons.UnknownKey] = (i, now) => i.Token(Tenant, ["admin"], now, kid: i.AddKey(publish: false)),
        [BearerReasons.NoTenant] = (i, now) => i.Token(null, ["admin"], now),
    };

    [Fact]
    public void Every_401_reason_the_authenticator_can_give_has_a_bad_token_case()
    {
        var reasons = typeof(BearerReasons).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToHashSet();
        var forbidden = new[] { BearerReasons.NoRole, BearerReasons.HeaderMismatch };
        var covered = BadTokens.Keys.Append(BearerReasons.AuthorityUnavailable).Concat(forbidden);

        Assert.Empty(reasons.Except(covered));
    }

    [Theory]
    [MemberData(nameof(BadTokenReasons))]
    public async Task A_bad_token_is_401_with_a_bearer_challenge(string reason)
    {
        var token = BadTokens[reason](_issuer, _time.GetUtcNow());

        var outcome = await Authenticator().AuthenticateAsync(Request(token), CancellationToken.None);

        Assert.Null(outcome.Identity);
        Assert.Equal(401, outcome.Status);
        Assert.Equal(reason, outcome.Reason);
        Assert.StartsWith("Bearer realm=\"autopilot\"", outcome.Challenge, StringComparison.Ordinal);
        Assert.Equal(reason != BearerReasons.MissingToken, outcome.Challenge!.Contains("error=\"invalid_token\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_valid_token_yields_its_tenant_and_highest_role()
    {
        var outcome = await Authenticator().AuthenticateAsync(Request(_issuer.Token(Tenant, ["viewer", "Member"], _time.GetUtcNow())), CancellationToken.None);

        Assert.Equal(new RequestIdentity(Tenant, UserRole.Member), outcome.Identity);
    }

    [Fact]
    public async Task The_tenant_claim_falls_back_to_tenant_id_and_can_be_configured()
    {
        var token = _issuer.Token(Tenant, ["admin"], _time.GetUtcNow(), tenantClaim: "tenant_id");
        var custom = _issuer.Token(null, ["admin"], _time.GetUtcNow(), extra: new Dictionary<string, object> { ["org"] = "org_custom" });

        Assert.Equal(Tenant, (await Authenticator().AuthenticateAsync(Request(token), CancellationToken.None)).Identity?.TenantId);
        Assert.Equal("org_custom", (await Authenticator(Options() with { TenantClaims = ["org"] }).AuthenticateAsync(Request(custom), CancellationToken.None)).Identity?.TenantId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("reader")]
    public async Task A_valid_token_without_a_known_role_is_403(string? role)
    {
        var outcome = await Authenticator().AuthenticateAsync(Request(_issuer.Token(Tenant, role is null ? null : [role], _time.GetUtcNow())), CancellationToken.None);

        Assert.Equal(403, outcome.Status);
        Assert.Equal(BearerReasons.NoRole, outcome.Reason);
        Assert.Null(outcome.Challenge);
    }

    [Theory]
    [InlineData("org_jwt_b", null)]
    [InlineData(null, "admin")]
    [InlineData("ORG_JWT_A", "member")]
    public async Task Identity_headers_sent_with_a_token_must_match_it(string? tenantHeader, string? roleHeader)
    {
        var request = Request(_issuer.Token(Tenant, ["member"], _time.GetUtcNow()));
        if (tenantHeader is not null)
        {
            request.Headers[RequestIdentity.TenantHeader] = tenantHeader;
        }

        if (roleHeader is not null)
        {
            request.Headers[RequestIdentity.RoleHeader] = roleHeader;
        }

        var outcome = await Authenticator().AuthenticateAsync(request, CancellationToken.None);

        Assert.Equal(403, outcome.Status);
        Assert.Equal(BearerReasons.HeaderMismatch, outcome.Reason);
    }

    [Fact]
    public async Task Matching_identity_headers_are_accepted_with_the_token()
    {
        var request = Request(_issuer.Token(Tenant, ["member"], _time.GetUtcNow()));
        request.Headers[RequestIdentity.TenantHeader] = Tenant;
        request.Headers[RequestIdentity.RoleHeader] = "MEMBER";

        Assert.NotNull((await Authenticator().AuthenticateAsync(request, CancellationToken.None)).Identity);
    }

    [Fact]
    public async Task Clock_skew_decides_whether_a_just_expired_token_passes()
    {
        var token = _issuer.Token(Tenant, ["admin"], _time.GetUtcNow(), startsIn: TimeSpan.FromHours(-1), lifetime: TimeSpan.FromSeconds(-30));

        var lenient = await Authenticator(Options() with { ClockSkew = TimeSpan.FromMinutes(1) }).AuthenticateAsync(Request(token), CancellationToken.None);
        var strict = await Authenticator(Options() with { ClockSkew = TimeSpan.Zero }).AuthenticateAsync(Request(token), CancellationToken.None);

        Assert.NotNull(lenient.Identity);
        Assert.Equal(BearerReasons.Expired, strict.Reason);
    }

    [Fact]
    public async Task An_unreachable_authority_fails_closed_with_401()
    {
        var dead = new Uri($"http://127.0.0.1:{ClosedPort()}/");
        var authenticator = Authenticator(Options() with { Authority = dead });

        var outcome = await authenticator.AuthenticateAsync(Request(_issuer.Token(Tenant, ["admin"], _time.GetUtcNow())), CancellationToken.None);

        Assert.Equal(401, outcome.Status);
        Assert.Equal(BearerReasons.AuthorityUnavailable, outcome.Reason);
        Assert.Contains("error=\"invalid_token\"", outcome.Challenge, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_rotate_a_new_kid_is_accepted_after_a_refresh_and_a_removed_key_stops_working()
    {
        var options = Options() with { MetadataRefresh = TimeSpan.FromMinutes(10), MetadataMinRefresh = TimeSpan.FromSeconds(30) };
        var authenticator = Authenticator(options);
        var oldKid = _issuer.AddKey();
        Assert.NotNull((await authenticator.AuthenticateAsync(Request(_issuer.Token(Tenant, ["admin"], _time.GetUtcNow(), kid: oldKid)), CancellationToken.None)).Identity);

        // The issuer publishes a new key and signs with it: the unknown kid makes the keys be read again.
        var newKid = _issuer.AddKey();
        _time.Advance(options.MetadataMinRefresh);
        var withNewKey = await authenticator.AuthenticateAsync(Request(_issuer.Token(Tenant, ["admin"], _time.GetUtcNow(), kid: newKid)), CancellationToken.None);
        Assert.NotNull(withNewKey.Identity);

        // A flood of unknown kids right after reads nothing more (at most one read per MetadataMinRefresh).
        var reads = _issuer.MetadataReads;
        for (var i = 0; i < 5; i++)
        {
            var forged = await authenticator.AuthenticateAsync(Request(_issuer.Token(Tenant, ["admin"], _time.GetUtcNow(), kid: _issuer.AddKey(publish: false))), CancellationToken.None);
            Assert.Equal(BearerReasons.UnknownKey, forged.Reason);
        }

        Assert.Equal(reads, _issuer.MetadataReads);

        // The old key is withdrawn: once the cached keys are due for refresh, its tokens are refused.
        _issuer.Unpublish(oldKid);
        _time.Advance(options.MetadataRefresh);
        var withOldKey = await authenticator.AuthenticateAsync(Request(_issuer.Token(Tenant, ["admin"], _time.GetUtcNow(), kid: oldKid)), CancellationToken.None);
        Assert.Equal(401, withOldKey.Status);
        Assert.Equal(BearerReasons.UnknownKey, withOldKey.Reason);
        Assert.NotNull((await authenticator.AuthenticateAsync(Request(_issuer.Token(Tenant, ["admin"], _time.GetUtcNow(), kid: newKid)), CancellationToken.None)).Identity);
    }

    private AuthOptions Options() => new()
    {
        Mode = AuthMode.Jwt,
        Authority = _issuer.Authority,
        Audiences = [TestOpenIdIssuer.Audience],
        MetadataMinRefresh = TimeSpan.Zero,
    };

    private BearerTokenAuthenticator Authenticator(AuthOptions? options = null)
    {
        options ??= Options();
        var http = new ServiceCollection().AddHttpClient().BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
        return new BearerTokenAuthenticator(options, new OpenIdMetadataCache(options, http, _time, NullLogger<OpenIdMetadataCache>.Instance), _time);
    }

    private static HttpRequest Request(string? token)
    {
        var http = new DefaultHttpContext();
        if (token is not null)
        {
            http.Request.Headers.Authorization = "Bearer " + token;
        }

        return http.Request;
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
