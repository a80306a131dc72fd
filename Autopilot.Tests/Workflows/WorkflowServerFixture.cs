using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Workflows;

/// <summary>A server with the fault-injection workflow enabled and a fast queue processor.</summary>
public sealed class WorkflowServerFixture : IAsyncLifetime
{
    public static IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["AUTOPILOT_ENABLE_TEST_WORKFLOWS"] = "true",
        ["QUEUE_POLL_INTERVAL"] = "00:00:00.300",
        ["WORKFLOW_WAIT_SECONDS"] = "120",
    };

    public ServerProcess Server { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public StorageFactory Storage { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = new ServerProcess(TestEnvironment.NewHubName("wf"), SharedDemoWarehouse.Path, new Dictionary<string, string>(Settings));
        await Server.StartAsync();
        Http = Server.CreateClient();
        Storage = new StorageFactory(Server.TaskHub);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
