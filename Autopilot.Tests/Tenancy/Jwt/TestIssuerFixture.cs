namespace Autopilot.Tests.Tenancy.Jwt;

/// <summary>One loopback issuer shared by a test class.</summary>
public sealed class TestIssuerFixture : IAsyncLifetime
{
    public TestOpenIdIssuer Issuer { get; private set; } = null!;

    public async Task InitializeAsync() => Issuer = await TestOpenIdIssuer.StartAsync();

    public async Task DisposeAsync() => await Issuer.DisposeAsync();
}
