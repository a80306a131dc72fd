using Autopilot.Core;
using Autopilot.Server.Engine;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Autopilot.Tests.Infrastructure;

/// <summary>
/// Core's services and the server's durable engine in the test process, on the test Azurite and a hub of their own —
/// for driving orchestrations directly (no HTTP) while keeping the real engine and storage.
/// </summary>
public sealed class InProcessEngine : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly List<IHostedService> _hosted;

    private InProcessEngine(string hub, ServiceProvider services)
    {
        Hub = hub;
        _services = services;
        _hosted = services.GetServices<IHostedService>().ToList();
    }

    public string Hub { get; }

    public IServiceProvider Services => _services;

    public DurableTaskClient Client => _services.GetRequiredService<DurableTaskClient>();

    /// <param name="settings">Extra configuration on top of the test defaults.</param>
    /// <param name="configure">Runs after Core is registered, so it can add or replace services.</param>
    public static async Task<InProcessEngine> StartAsync(string purpose, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var hub = TestEnvironment.NewHubName(purpose);
        var values = new Dictionary<string, string?>
        {
            ["AZURE_STORAGE_CONNECTION_STRING"] = TestEnvironment.StorageConnectionString,
            ["TASKHUB_NAME"] = hub,
            ["AUTOPILOT_ENCRYPTION_KEY"] = TestEnvironment.NewEncryptionKey(),
            ["DEMO_WAREHOUSE_PATH"] = SharedDemoWarehouse.Path,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var parsed = Settings.Read(configuration);
        var services = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddAutopilotCore(parsed);
        // TASKHUB_NAME in settings names an existing hub (a second worker resuming the first one's work).
        services.AddDurableEngine(new EngineOptions { StorageConnectionString = parsed.StorageConnectionString, TaskHubName = parsed.TaskHubName });
        configure?.Invoke(services);
        var engine = new InProcessEngine(parsed.TaskHubName, services.BuildServiceProvider());
        foreach (var hosted in engine._hosted)
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        return engine;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var hosted in Enumerable.Reverse(_hosted))
        {
            await hosted.StopAsync(CancellationToken.None);
        }

        await _services.DisposeAsync();
    }
}
