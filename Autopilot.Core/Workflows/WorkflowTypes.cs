namespace Autopilot.Core.Workflows;

public static class WorkflowTypes
{
    public const string Profile = "profile";
    public const string Dashboard = "dashboard";
    public const string Memo = "memo";

    /// <summary>An agent run: admitted like a workflow, under its own cap (<c>PER_ORG_MAX_AGENT_RUNS</c>).</summary>
    public const string Agent = "agent";

    /// <summary>The fault-injection workflow, for tests.</summary>
    public const string FaultTest = "fault_test";
}
