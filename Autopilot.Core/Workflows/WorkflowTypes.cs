namespace Autopilot.Core.Workflows;

public static class WorkflowTypes
{
    public const string Profile = "profile";
    public const string Dashboard = "dashboard";
    public const string Memo = "memo";

    /// <summary>The fault-injection workflow, for tests.</summary>
    public const string FaultTest = "fault_test";
}
