namespace Autopilot.Tests.Infrastructure;

/// <summary>One server process on its own task hub, shared by a test class.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public ServerProcess Server { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = new ServerProcess(TestEnvironment.NewHubName("api"), SharedDemoWarehouse.Path);
        await Server.StartAsync();
        Http = Server.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
