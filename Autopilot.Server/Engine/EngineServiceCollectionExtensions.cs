using DurableTask.AzureStorage;
using Microsoft.DurableTask.Client;

namespace Autopilot.Server.Engine;

internal static class EngineServiceCollectionExtensions
{
    /// <summary>The Durable Task engine on Azure Storage: provider, worker (hosted) and the SDK client over it.</summary>
    public static IServiceCollection AddDurableEngine(this IServiceCollection services, EngineOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(sp => new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(options.StorageConnectionString),
            TaskHubName = options.TaskHubName,
            LoggerFactory = sp.GetRequiredService<ILoggerFactory>(),
            PartitionCount = options.PartitionCount,
            MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities,
            MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestrations,
            WorkItemQueueVisibilityTimeout = options.WorkItemVisibilityTimeout,
            ControlQueueVisibilityTimeout = options.ControlQueueVisibilityTimeout,
            LeaseInterval = options.LeaseInterval,
            LeaseRenewInterval = options.LeaseRenewInterval,
            LeaseAcquireInterval = options.LeaseAcquireInterval,
            MaxQueuePollingInterval = options.MaxQueuePollingInterval,
            WorkerId = options.WorkerId,

            // Starting an id that is already pending/running is an error the caller sees, not a silent no-op.
            ThrowExceptionOnInvalidDedupeStatus = true,
        }));
        services.AddSingleton<DurableTaskClient>(sp => new AzureStorageDurableTaskClient(
            sp.GetRequiredService<AzureStorageOrchestrationService>(), sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<TaskHubHost>();
        return services;
    }
}
