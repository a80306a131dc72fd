using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Alerts.Notifications;

/// <summary>
/// A server whose alert minute is one second, so NTF-6's 1/4/16-minute back-off runs for real in 21 s, and which may
/// deliver to the tests' receivers on loopback (private targets allowed).
/// </summary>
public sealed class NotificationServerFixture : IAsyncLifetime
{
    public const string AlertMinute = "00:00:01";

    public ServerProcess Server { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = new ServerProcess(TestEnvironment.NewHubName("ntf"), SharedDemoWarehouse.Path, new Dictionary<string, string> { ["ALERT_MINUTE"] = AlertMinute, [Autopilot.Core.Alerts.Notifications.Channels.TargetAddressGuard.Setting] = "true" });
        await Server.StartAsync();
        Http = Server.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
