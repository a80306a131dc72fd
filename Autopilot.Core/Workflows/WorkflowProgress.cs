namespace Autopilot.Core.Workflows;

/// <summary>Which step an orchestration is in, so a failure names it. Lives only within one orchestrator execution.</summary>
public sealed class WorkflowProgress
{
    public string Step { get; set; } = "start";
}
