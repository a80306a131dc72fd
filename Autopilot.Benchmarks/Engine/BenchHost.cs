using Autopilot.Server.Engine;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Autopilot.Benchmarks.Engine;

/// <summary>
/// The server's engine with the benchmark's own task types. The provider and the client come from the server's
/// own <see cref="EngineServiceCollectionExtensions.AddDurableEngine"/> (so the EngineOptions → provider settings
/// mapping is the server's, not a copy); only the worker is the benchmark's: the server's <c>TaskHubHost</c>
/// registers just <c>WorkflowCatalog</c>'s types, so this mirrors its registration (DurableTaskShimFactory +
/// ObjectCreator, Version = "", a fresh orchestrator per Create(), activities from DI) for the benchmark's types.
/// The server's hosted <c>TaskHubHost</c> is registered in the container but never resolved or started.
/// </summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly TaskHubWorker _worker;
    private bool _started;

    public BenchHost(EngineOptions options, string measuredPrefix, LogLevel logLevel)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(logLevel));
        services.AddSingleton(TimeProvider.System);
        services.AddDurableEngine(options);
        services.AddTransient<BenchIncrementActivity>();
        _provider = services.BuildServiceProvider();

        Service = _provider.GetRequiredService<AzureStorageOrchestrationService>();
        Client = _provider.GetRequiredService<DurableTaskClient>();
        Counter = new CountingOrchestrationService(Service, measuredPrefix);

        var loggerFactory = _provider.GetRequiredService<ILoggerFactory>();
        var shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions { DataConverter = SdkDataConverter.Sdk }, loggerFactory);
        _worker = new TaskHubWorker(Counter, loggerFactory) { ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails };
        _worker.AddTaskOrchestrations(new OrchestrationCreator<BenchChainOrchestration>(shims));
        _worker.AddTaskActivities(new ActivityCreator<BenchIncrementActivity>(shims, _provider));
    }

    public AzureStorageOrchestrationService Service { get; }

    public DurableTaskClient Client { get; }

    public CountingOrchestrationService Counter { get; }

    public async Task StartAsync()
    {
        await Service.CreateIfNotExistsAsync();
        await _worker.StartAsync();
        _started = true;
    }

    /// <summary>Stops the worker and deletes the task hub's queues, tables and blobs (a fresh hub per run).</summary>
    public async Task StopAndDeleteHubAsync(bool deleteHub)
    {
        if (_started)
        {
            await _worker.StopAsync(isForced: true);
            _started = false;
        }

        if (deleteHub)
        {
            await Service.DeleteAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_started)
        {
            await _worker.StopAsync(isForced: true);
        }

        _worker.Dispose();
        await _provider.DisposeAsync();
    }

    private sealed class OrchestrationCreator<T> : ObjectCreator<TaskOrchestration>
        where T : ITaskOrchestrator, new()
    {
        private readonly DurableTaskShimFactory _shims;

        public OrchestrationCreator(DurableTaskShimFactory shims)
        {
            _shims = shims;
            Name = typeof(T).Name;
            Version = string.Empty; // the SDK schedules with the empty default version
        }

        public override TaskOrchestration Create() => _shims.CreateOrchestration(new TaskName(Name), new T(), parent: null);
    }

    private sealed class ActivityCreator<T> : ObjectCreator<TaskActivity>
        where T : ITaskActivity
    {
        private readonly DurableTaskShimFactory _shims;
        private readonly IServiceProvider _services;

        public ActivityCreator(DurableTaskShimFactory shims, IServiceProvider services)
        {
            _shims = shims;
            _services = services;
            Name = typeof(T).Name;
            Version = string.Empty;
        }

        public override TaskActivity Create() => _shims.CreateActivity(new TaskName(Name), ActivatorUtilities.CreateInstance<T>(_services));
    }
}
