namespace Autopilot.Core.Admission;

/// <summary>Queue item statuses (QUEUE-10), plus <c>admitted</c> for items that got their slot.</summary>
public static class QueueStatus
{
    public const string Queued = "queued";
    public const string Admitted = "admitted";
    public const string Cancelled = "cancelled";
}
