namespace Autopilot.Core.Workflows;

/// <summary>Run statuses (WF-2) as they appear in the API.</summary>
public static class WorkflowStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Success = "success";
    public const string PartialFailure = "partial_failure";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
    public const string DeadLetter = "dead_letter";

    public static bool IsFinal(string status) => status is Success or Failed or Cancelled or PartialFailure or DeadLetter;
}
