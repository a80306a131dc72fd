namespace Autopilot.Core.Admission;

/// <summary>Why work waits (QUEUE-1).</summary>
public static class QueueReasons
{
    public const string ConcurrencyLimit = "concurrency_limit";

    /// <summary>The tenant's own caps allow it, but the service-wide in-flight limit is reached (MAX_INFLIGHT_WORKFLOWS).</summary>
    public const string ServiceLimit = "service_limit";
    public const string WarehouseUnavailable = "warehouse_unavailable";
    public const string LlmUnavailable = "llm_unavailable";
}
