using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Alerts.Lifecycle;

/// <summary>One server process whose alert clock runs in seconds (ALERT_MINUTE=00:00:01), shared by a test class.</summary>
public sealed class AlertLifecycleServerFixture : IAsyncLifetime
{
    public ServerProcess Server { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public AlertLifecycleServer Read { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = new ServerProcess(TestEnvironment.NewHubName("alife"), SharedDemoWarehouse.Path, AlertLifecycleServer.Environment);
        await Server.StartAsync();
        Http = Server.CreateClient();
        Read = new AlertLifecycleServer(Server.TaskHub);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
