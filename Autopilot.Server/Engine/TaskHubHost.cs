using Autopilot.Core;
using Autopilot.Core.Engine;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;

namespace Autopilot.Server.Engine;

/// <summary>
/// Runs Core's orchestrators and activities in-process on the Durable Task Framework with the
/// Azure Storage provider — the engine the Azure Functions host runs — via the SDK's shim factory.
/// </summary>
internal sealed class TaskHubHost : IHostedService, IAsyncDisposable
{
    private readonly AzureStorageOrchestrationService _service;
    private readonly EngineOptions _options;
    private readonly TaskHubWorker _worker;
    private readonly ILogger<TaskHubHost> _logger;

    public TaskHubHost(AzureStorageOrchestrationService service, EngineOptions options, ServiceOptions serviceOptions, IServiceProvider services, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(serviceOptions);
        _service = service;
        _options = options;
        _logger = loggerFactory.CreateLogger<TaskHubHost>();
        var shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions { DataConverter = SdkDataConverter.Sdk }, loggerFactory);

        _worker = new TaskHubWorker(service, loggerFactory) { ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails };
        // The fault-injection workflow exists in production only as code: without the test flag the worker does not know it.
        Orchestrations = WorkflowCatalog.OrchestratorsFor(serviceOptions.EnableTestWorkflows).Select(WorkflowCatalog.NameOf).ToList();
        Activities = WorkflowCatalog.ActivitiesFor(serviceOptions.EnableTestWorkflows).Select(WorkflowCatalog.NameOf).ToList();
        foreach (var type in WorkflowCatalog.OrchestratorsFor(serviceOptions.EnableTestWorkflows))
        {
            _worker.AddTaskOrchestrations(new ShimOrchestrationCreator(shims, type));
        }

        foreach (var type in WorkflowCatalog.ActivitiesFor(serviceOptions.EnableTestWorkflows))
        {
            _worker.AddTaskActivities(new ShimActivityCreator(shims, type, services));
        }
    }

    /// <summary>The durable names of the orchestrators this worker runs.</summary>
    public IReadOnlyList<string> Orchestrations { get; }

    /// <summary>The durable names of the activities this worker runs.</summary>
    public IReadOnlyList<string> Activities { get; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _service.CreateIfNotExistsAsync();
        await _worker.StartAsync();
        if (_logger.IsEnabled(LogLevel.Information))
        {
            _logger.LogInformation("Durable engine started: hub {Hub}, worker {Worker}", _options.TaskHubName, _options.WorkerId);
        }

    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Graceful: in-flight work items are abandoned back to their queues for another worker.
        await _worker.StopAsync(isForced: false);
    }

    public async ValueTask DisposeAsync()
    {
        await _worker.StopAsync(isForced: true);
        _worker.Dispose();
    }

    /// <summary>A fresh orchestrator per <c>Create()</c>: the shim is stateful across one execution.</summary>
    private sealed class ShimOrchestrationCreator : ObjectCreator<TaskOrchestration>
    {
        private readonly DurableTaskShimFactory _shims;
        private readonly Type _type;

        public ShimOrchestrationCreator(DurableTaskShimFactory shims, Type type)
        {
            _shims = shims;
            _type = type;
            Name = WorkflowCatalog.NameOf(type);
            Version = string.Empty; // the SDK schedules with the empty default version
        }

        public override TaskOrchestration Create()
        {
            var orchestrator = (ITaskOrchestrator)Activator.CreateInstance(_type)!;
            return _shims.CreateOrchestration(new TaskName(Name), orchestrator, parent: null);
        }
    }

    /// <summary>Activities are resolved from DI so they get their services.</summary>
    private sealed class ShimActivityCreator : ObjectCreator<TaskActivity>
    {
        private readonly DurableTaskShimFactory _shims;
        private readonly Type _type;
        private readonly IServiceProvider _services;

        public ShimActivityCreator(DurableTaskShimFactory shims, Type type, IServiceProvider services)
        {
            _shims = shims;
            _type = type;
            _services = services;
            Name = WorkflowCatalog.NameOf(type);
            Version = string.Empty;
        }

        public override TaskActivity Create()
        {
            var activity = (ITaskActivity)ActivatorUtilities.CreateInstance(_services, _type);
            return _shims.CreateActivity(new TaskName(Name), activity);
        }
    }
}
