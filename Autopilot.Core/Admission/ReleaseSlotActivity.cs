using Microsoft.DurableTask;

namespace Autopilot.Core.Admission;

/// <summary>A finishing workflow frees its slot; returns the workflow ids admitted in its place (to be signalled).</summary>
public sealed class ReleaseSlotActivity : TaskActivity<WorkflowTicket, IReadOnlyList<string>>
{
    private readonly AdmissionStore _admission;
    private readonly AdmissionPolicy _policy;

    public ReleaseSlotActivity(AdmissionStore admission, AdmissionPolicy policy)
    {
        _admission = admission;
        _policy = policy;
    }

    public override async Task<IReadOnlyList<string>> RunAsync(TaskActivityContext context, WorkflowTicket input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var limits = await _policy.LimitsForAsync(input.TenantId, CancellationToken.None);
        var available = await _policy.DependencySnapshotAsync(input.TenantId, CancellationToken.None);
        var admitted = await _admission.ReleaseAsync(input.TenantId, input.WorkflowId, limits, available, CancellationToken.None);
        return admitted.Select(a => a.WorkflowId).ToList();
    }
}
