using Autopilot.Core.Workflows;

namespace Autopilot.Core.Admission;

/// <summary>
/// How many workflows a tenant may run at once (WF-14): in total, and of them profiles; and, counted apart, agent runs.
/// </summary>
/// <remarks>
/// Agent runs have their own cap and do not take workflow slots: a run that profiles first waits for a profile slot
/// while holding its own, which under one shared cap of 1 would wait for itself.
/// <c>Agent</c> defaults for limits stored before it existed.
/// </remarks>
public sealed record AdmissionLimits(int Total, int Profile, int Agent = AdmissionLimits.DefaultAgentRuns)
{
    public const int DefaultAgentRuns = 5;

    public static AdmissionLimits Default { get; } = new(3, 2);

    /// <summary>
    /// Whether two types wait in line for the same slots: a workflow queued at its cap holds back later workflows, but
    /// not agent runs, and the other way round (first come, first served within each cap).
    /// </summary>
    public static bool SharesCap(string workflowType, string otherType) =>
        (workflowType == WorkflowTypes.Agent) == (otherType == WorkflowTypes.Agent);

    public bool Fits(IReadOnlyCollection<RunningWorkflow> running, string workflowType)
    {
        ArgumentNullException.ThrowIfNull(running);
        if (workflowType == WorkflowTypes.Agent)
        {
            return running.Count(r => r.WorkflowType == WorkflowTypes.Agent) < Agent;
        }

        var workflows = running.Where(r => r.WorkflowType != WorkflowTypes.Agent).ToList();
        return workflows.Count < Total && (workflowType != WorkflowTypes.Profile || workflows.Count(r => r.WorkflowType == WorkflowTypes.Profile) < Profile);
    }
}
