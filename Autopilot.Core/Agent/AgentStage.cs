namespace Autopilot.Core.Agent;

/// <summary>The pipeline's stages, as audited in <c>workflow_state_transition</c> rows.</summary>
public static class AgentStage
{
    /// <summary>Profiling the warehouse first: the tenant had no catalog yet.</summary>
    public const string Profiling = "profiling";
    public const string Planning = "planning";
    public const string Validating = "validating";
    public const string Replanning = "replanning";
    public const string Critiquing = "critiquing";
    public const string AwaitingApproval = "awaiting_approval";
    public const string Executing = "executing";
    public const string Reviewing = "reviewing";
    public const string Composing = "composing";
}
