using System.Text.Json.Nodes;
using Autopilot.Core.Artifacts;
using Autopilot.Tests.Dashboards;
using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Artifacts;

/// <summary>
/// A server on the demo warehouse where one tenant built its dashboards twice through the API (so each has versions 1
/// and 2) and another tenant built nothing; the tests read both over HTTP and Core's stores over the same Azurite.
/// </summary>
public sealed class ArtifactRouteServer : IAsyncLifetime
{
    private readonly ServerFixture _server = new();

    public string Tenant { get; } = "org_art" + Guid.NewGuid().ToString("N")[..8];

    public string OtherTenant { get; } = "org_artother" + Guid.NewGuid().ToString("N")[..8];

    public HttpClient Http => _server.Http;

    public StorageFactory Storage { get; private set; } = null!;

    public ArtifactStore Artifacts { get; private set; } = null!;

    /// <summary>The Exec Overview artifact's id, as the second build answered it.</summary>
    public string ExecOverviewId { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _server.InitializeAsync();
        Storage = new StorageFactory(_server.Server.TaskHub);
        Artifacts = new ArtifactStore(Storage.Tables, TimeProvider.System);
        await BuildAsync();
        ExecOverviewId = (await BuildAsync())["artifact_id"]!.GetValue<string>();
    }

    public Task DisposeAsync() => _server.DisposeAsync();

    public Task<(int Status, JsonNode? Body)> GetAsync(string path, string? tenant = null, string role = "viewer") =>
        Http.SendAsync(HttpMethod.Get, path, tenant ?? Tenant, role);

    private Task<JsonNode> BuildAsync() => DashboardRuns.BuildOverHttpAsync(Http, Tenant);
}
