namespace Autopilot.Server.Engine;

/// <summary>Tuning of the Durable Task Azure Storage provider (see README § Engine tuning for the measurements).</summary>
public sealed class EngineOptions
{
    public required string StorageConnectionString { get; init; }

    public string TaskHubName { get; init; } = "autopilot";

    /// <summary>Control-queue partitions. 2 measured best on 2 cores; the provider spreads them over replicas.</summary>
    public int PartitionCount { get; init; } = 2;

    public int MaxConcurrentActivities { get; init; } = 100;

    public int MaxConcurrentOrchestrations { get; init; } = 16;

    /// <summary>How long a dequeued message stays invisible. The provider renews it while work runs;
    /// after a crash it is what delays recovery (defaults took 322 s to recover here; 15 s gives ~20 s).</summary>
    public TimeSpan WorkItemVisibilityTimeout { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan ControlQueueVisibilityTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Partition lease length; a crashed owner's partitions are taken over after it expires. 15 s is the blob-lease minimum.</summary>
    public TimeSpan LeaseInterval { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan LeaseRenewInterval { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan LeaseAcquireInterval { get; init; } = TimeSpan.FromSeconds(3);

    public TimeSpan MaxQueuePollingInterval { get; init; } = TimeSpan.FromSeconds(1);

    public string WorkerId { get; init; } = $"{Environment.MachineName}-{Environment.ProcessId}";
}
