namespace Autopilot.Core.Workflows;

public static class WorkflowTypes
{
    public const string Profile = "profile";
    public const string Dashboard = "dashboard";
    public const string Memo = "memo";
}
