using System.Text.Json;
using Autopilot.Core.Api;
using Autopilot.Core.Tenancy;
using Autopilot.Functions;
using Autopilot.Tests.Infrastructure;
using Autopilot.Tests.Tenancy.Jwt;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Autopilot.Tests.Functions;

/// <summary>
/// The Functions app's HTTP triggers go through the same dispatcher, so AUTH_MODE=jwt validates there exactly as on the
/// server: the trigger methods are called with the services FunctionsServices registers, against a loopback issuer.
/// </summary>
public sealed class FunctionsIdentityTests : IClassFixture<TestIssuerFixture>
{
    private readonly TestOpenIdIssuer _issuer;

    public FunctionsIdentityTests(TestIssuerFixture fixture) => _issuer = fixture.Issuer;

    [Fact]
    public async Task A_trigger_in_jwt_mode_refuses_a_missing_token_and_a_foreign_tenant_and_serves_a_valid_token()
    {
        await using var provider = Services(("AUTH_MODE", "jwt"), ("AUTH_AUTHORITY", _issuer.Authority.AbsoluteUri), ("AUTH_AUDIENCE", TestOpenIdIssuer.Audience));
        var functions = new HttpFunctions(provider.GetRequiredService<ApiDispatcher>());
        var token = _issuer.Token("org_fn_a", ["member"], TimeProvider.System.GetUtcNow());

        var missing = await functions.ListWorkflowRuns(Request(provider, "org_fn_a", null), null!);
        var foreign = await functions.ListWorkflowRuns(Request(provider, "org_fn_b", token), null!);
        var served = await functions.ListWorkflowRuns(Request(provider, "org_fn_a", token), null!);

        Assert.Equal(401, missing.Status);
        Assert.StartsWith("Bearer", missing.Headers["WWW-Authenticate"], StringComparison.Ordinal);
        Assert.Equal(403, foreign.Status);
        Assert.True(served.Status == 200, JsonSerializer.Serialize(served.Body));
    }

    [Fact]
    public void Headers_mode_in_azure_is_reported_as_trusting_headers_from_the_network()
    {
        using var inAzure = Services(("WEBSITE_HOSTNAME", "autopilot.azurewebsites.net"));
        using var local = Services();

        Assert.True(inAzure.GetRequiredService<IdentityExposure>().HeadersTrustedFromNetwork);
        Assert.False(local.GetRequiredService<IdentityExposure>().HeadersTrustedFromNetwork);
    }

    private static ServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        var values = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = TestEnvironment.StorageConnectionString,
            ["TASKHUB_NAME"] = TestEnvironment.NewHubName("fnid"),
            ["AUTOPILOT_ENCRYPTION_KEY"] = TestEnvironment.NewEncryptionKey(),
        };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        FunctionsServices.Add(services, new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        return services.BuildServiceProvider();
    }

    private static HttpRequest Request(IServiceProvider services, string org, string? token)
    {
        var http = new DefaultHttpContext { RequestServices = services };
        http.Request.Method = "GET";
        http.Request.Path = "/api/v1/workflows/runs";
        http.Request.QueryString = new QueryString("?org_id=" + org);
        if (token is not null)
        {
            http.Request.Headers.Authorization = "Bearer " + token;
        }

        return http.Request;
    }
}
