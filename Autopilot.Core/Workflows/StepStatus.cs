namespace Autopilot.Core.Workflows;

public static class StepStatus
{
    public const string Running = "running";
    public const string Success = "success";
    public const string Failed = "failed";
    public const string Skipped = "skipped";
}
