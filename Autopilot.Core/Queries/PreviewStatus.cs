namespace Autopilot.Core.Queries;

public static class PreviewStatus
{
    public const string Ready = "ready";
    public const string Pending = "approval_required";
    public const string Approved = "approved";
    public const string Executing = "executing";
    public const string Executed = "executed";
}
