using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Tenancy.Jwt;

/// <summary>A loopback OpenID issuer, and two servers over it: one in headers mode (the seed contract), one in jwt mode.</summary>
public sealed class AccessMatrixServers : IAsyncLifetime
{
    public TestOpenIdIssuer Issuer { get; private set; } = null!;

    public ServerProcess Headers { get; private set; } = null!;

    public ServerProcess Jwt { get; private set; } = null!;

    public HttpClient HeadersHttp { get; private set; } = null!;

    public HttpClient JwtHttp { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Issuer = await TestOpenIdIssuer.StartAsync();
        var common = new Dictionary<string, string> { ["AUTOPILOT_ENABLE_TEST_WORKFLOWS"] = "true" };
        Headers = new ServerProcess(TestEnvironment.NewHubName("mxh"), SharedDemoWarehouse.Path, new Dictionary<string, string>(common) { ["AUTH_MODE"] = "headers" });
        Jwt = new ServerProcess(TestEnvironment.NewHubName("mxj"), SharedDemoWarehouse.Path, new Dictionary<string, string>(common)
        {
            ["AUTH_MODE"] = "jwt",
            ["AUTH_AUTHORITY"] = Issuer.Authority.AbsoluteUri,
            ["AUTH_AUDIENCE"] = TestOpenIdIssuer.Audience,
            ["AUTH_CLOCK_SKEW"] = "00:00:30",
        });
        await Task.WhenAll(Headers.StartAsync(), Jwt.StartAsync());
        HeadersHttp = Headers.CreateClient();
        JwtHttp = Jwt.CreateClient();
    }

    public async Task DisposeAsync()
    {
        HeadersHttp.Dispose();
        JwtHttp.Dispose();
        await Headers.DisposeAsync();
        await Jwt.DisposeAsync();
        await Issuer.DisposeAsync();
    }
}
