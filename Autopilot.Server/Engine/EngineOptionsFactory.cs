using System.Globalization;
using Autopilot.Core;

namespace Autopilot.Server.Engine;

/// <summary>Engine tuning from configuration (<c>ENGINE_*</c>), defaulting to the values measured best here.</summary>
internal static class EngineOptionsFactory
{
    public static EngineOptions From(IConfiguration configuration, Settings settings)
    {
        var defaults = new EngineOptions { StorageConnectionString = settings.StorageConnectionString };
        return new EngineOptions
        {
            StorageConnectionString = settings.StorageConnectionString,
            TaskHubName = settings.TaskHubName,
            PartitionCount = Int(configuration, "ENGINE_PARTITION_COUNT", defaults.PartitionCount),
            MaxConcurrentActivities = Int(configuration, "ENGINE_MAX_CONCURRENT_ACTIVITIES", defaults.MaxConcurrentActivities),
            MaxConcurrentOrchestrations = Int(configuration, "ENGINE_MAX_CONCURRENT_ORCHESTRATIONS", defaults.MaxConcurrentOrchestrations),
            WorkItemVisibilityTimeout = Seconds(configuration, "ENGINE_WORK_ITEM_VISIBILITY_SECONDS", defaults.WorkItemVisibilityTimeout),
            ControlQueueVisibilityTimeout = Seconds(configuration, "ENGINE_CONTROL_QUEUE_VISIBILITY_SECONDS", defaults.ControlQueueVisibilityTimeout),
            MaxQueuePollingInterval = Seconds(configuration, "ENGINE_MAX_POLLING_SECONDS", defaults.MaxQueuePollingInterval),
            WorkerId = configuration["ENGINE_WORKER_ID"] is { Length: > 0 } id ? id : defaults.WorkerId,
        };
    }

    private static int Int(IConfiguration configuration, string key, int fallback) =>
        int.TryParse(configuration[key], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;

    private static TimeSpan Seconds(IConfiguration configuration, string key, TimeSpan fallback) =>
        double.TryParse(configuration[key], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 ? TimeSpan.FromSeconds(value) : fallback;
}
