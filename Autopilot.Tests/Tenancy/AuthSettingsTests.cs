using Autopilot.Core;
using Autopilot.Core.Tenancy;
using Autopilot.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Autopilot.Tests.Tenancy;

/// <summary>AUTH_* settings are validated at start; headers mode beyond loopback is flagged.</summary>
[Collection(ProcessCollection.Name)]
public sealed class AuthSettingsTests
{
    private static readonly string Key = Convert.ToBase64String(new byte[32]);

    [Fact]
    public void Headers_mode_is_the_default()
    {
        var settings = Settings.Read(Config());

        Assert.Equal(AuthMode.Headers, settings.Auth.Mode);
        Assert.Equal(["tid", "tenant_id"], settings.Auth.TenantClaims);
        Assert.Equal("roles", settings.Auth.RoleClaim);
    }

    [Fact]
    public void Jwt_mode_reads_authority_audiences_claims_and_skew()
    {
        var auth = Settings.Read(Config(("AUTH_MODE", "JWT"), ("AUTH_AUTHORITY", "https://login.microsoftonline.com/0000/v2.0"), ("AUTH_AUDIENCE", "api://autopilot, 1234"),
            ("AUTH_TENANT_CLAIM", "tenant_id"), ("AUTH_ROLE_CLAIM", "app_roles"), ("AUTH_CLOCK_SKEW", "00:00:45"))).Auth;

        Assert.Equal(AuthMode.Jwt, auth.Mode);
        Assert.Equal("https://login.microsoftonline.com/0000/v2.0", auth.Authority!.AbsoluteUri);
        Assert.Equal(["api://autopilot", "1234"], auth.Audiences);
        Assert.Equal(["tenant_id"], auth.TenantClaims);
        Assert.Equal("app_roles", auth.RoleClaim);
        Assert.Equal(TimeSpan.FromSeconds(45), auth.ClockSkew);
        Assert.True(auth.RequireHttps);
    }

    [Theory]
    [InlineData("AUTH_MODE=jwt needs AUTH_AUTHORITY", "AUTH_MODE", "jwt", "AUTH_AUDIENCE", "api://autopilot")]
    [InlineData("AUTH_MODE=jwt needs AUTH_AUDIENCE", "AUTH_MODE", "jwt", "AUTH_AUTHORITY", "https://login.microsoftonline.com/0000/v2.0")]
    [InlineData("AUTH_MODE must be 'headers'", "AUTH_MODE", "oauth", "", "")]
    [InlineData("must use https", "AUTH_AUTHORITY", "http://login.example.com/", "", "")]
    [InlineData("is not an absolute https URL", "AUTH_AUTHORITY", "login.example.com", "", "")]
    [InlineData("AUTH_CLOCK_SKEW must be a TimeSpan", "AUTH_CLOCK_SKEW", "2 minutes", "", "")]
    [InlineData("AUTH_METADATA_REFRESH must be a TimeSpan", "AUTH_METADATA_REFRESH", "00:00:00", "", "")]
    public void Invalid_auth_settings_stop_the_start_with_what_to_set(string message, string key, string value, string otherKey, string otherValue)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Settings.Read(Config((key, value), (otherKey, otherValue))));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_http_is_accepted_only_for_a_loopback_authority()
    {
        var auth = Settings.Read(Config(("AUTH_MODE", "jwt"), ("AUTH_AUTHORITY", "http://127.0.0.1:5001/"), ("AUTH_AUDIENCE", "a"))).Auth;

        Assert.False(auth.RequireHttps);
    }

    [Fact]
    public async Task The_server_refuses_to_start_in_jwt_mode_without_an_authority_and_says_why()
    {
        await using var server = new ServerProcess(TestEnvironment.NewHubName("authcfg"), SharedDemoWarehouse.Path, new Dictionary<string, string> { ["AUTH_MODE"] = "jwt" });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => server.StartAsync(TimeSpan.FromSeconds(60)));

        Assert.Contains("exited with 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("AUTH_MODE=jwt needs AUTH_AUTHORITY", error.Message, StringComparison.Ordinal);
        Assert.Contains("AUTH_MODE=jwt needs AUTH_AUDIENCE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_headers_mode_server_listening_on_every_address_warns_at_start_and_on_ready()
    {
        await using var server = new ServerProcess(TestEnvironment.NewHubName("exposed"), SharedDemoWarehouse.Path,
            new Dictionary<string, string> { ["ASPNETCORE_URLS"] = "http://0.0.0.0:{port}", ["Logging__LogLevel__Default"] = "Warning" });
        await server.StartAsync();
        using var http = server.CreateClient();

        var ready = System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync("ready"))!;

        Assert.True(ready["auth"]!["headers_trusted_from_network"]!.GetValue<bool>());
        Assert.Contains("AUTH_MODE=headers", ready["auth"]!["warning"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("SECURITY WARNING", server.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8000", false)]
    [InlineData("http://localhost:5000", false)]
    [InlineData("http://[::1]:8000", false)]
    [InlineData("http://0.0.0.0:8000", true)]
    [InlineData("http://*:8000", true)]
    [InlineData("http://+:8000", true)]
    [InlineData("http://[::]:8000", true)]
    [InlineData("http://127.0.0.1:8000;http://10.1.2.3:8000", true)]
    public void Headers_mode_is_flagged_when_listening_beyond_loopback_and_jwt_mode_never_is(string urls, bool exposed)
    {
        var headers = new IdentityExposure(new AuthOptions { Mode = AuthMode.Headers });
        var jwt = new IdentityExposure(new AuthOptions { Mode = AuthMode.Jwt });

        headers.ListensOn(urls);
        jwt.ListensOn(urls);

        Assert.Equal(exposed, headers.HeadersTrustedFromNetwork);
        Assert.False(jwt.HeadersTrustedFromNetwork);
    }

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(
            new[] { ("AZURE_STORAGE_CONNECTION_STRING", "UseDevelopmentStorage=true"), ("AUTOPILOT_ENCRYPTION_KEY", Key) }
                .Concat(values.Where(v => v.Key.Length > 0))
                .Select(v => new KeyValuePair<string, string?>(v.Item1, v.Item2))).Build();
}
