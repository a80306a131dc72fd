namespace Autopilot.Core.Admission;

/// <summary>Why work waits (QUEUE-1).</summary>
public static class QueueReasons
{
    public const string ConcurrencyLimit = "concurrency_limit";
    public const string WarehouseUnavailable = "warehouse_unavailable";
    public const string LlmUnavailable = "llm_unavailable";
}
