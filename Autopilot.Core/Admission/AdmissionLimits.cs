namespace Autopilot.Core.Admission;

/// <summary>How many workflows a tenant may run at once (WF-14): in total, and of them profiles.</summary>
public sealed record AdmissionLimits(int Total, int Profile)
{
    public static AdmissionLimits Default { get; } = new(3, 2);

    public bool Fits(IReadOnlyCollection<RunningWorkflow> running, string workflowType) =>
        running.Count < Total && (workflowType != Workflows.WorkflowTypes.Profile || running.Count(r => r.WorkflowType == Workflows.WorkflowTypes.Profile) < Profile);
}
