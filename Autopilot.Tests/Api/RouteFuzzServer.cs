using Autopilot.Core.Api;
using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Api;

/// <summary>One server for the route fuzz: triggers answer at once, and each route's tenant runs one workflow at a time.</summary>
public sealed class RouteFuzzServer : IAsyncLifetime
{
    public ServerProcess Server { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = new ServerProcess(TestEnvironment.NewHubName("fuzz"), SharedDemoWarehouse.Path, new Dictionary<string, string> { ["WORKFLOW_WAIT_SECONDS"] = "0" });
        await Server.StartAsync();
        Http = Server.CreateClient();

        // Work the fuzzed triggers start queues behind one running workflow instead of swamping the engine.
        foreach (var route in RouteTable.All)
        {
            var tenant = RouteFuzzInputs.TenantOf(route);
            var (limited, _) = await Http.SendAsync(HttpMethod.Post, $"api/v1/workflows/limits?org_id={tenant}", tenant, "admin", """{"concurrency_limit":1,"profile_limit":1}""");
            if (limited != 200)
            {
                throw new InvalidOperationException($"could not limit {tenant}: {limited}");
            }
        }
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
