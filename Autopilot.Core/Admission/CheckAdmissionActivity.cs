using Autopilot.Core.Workflows;
using Microsoft.DurableTask;

namespace Autopilot.Core.Admission;

/// <summary>A queued workflow asks where it stands; once admitted its run is marked running.</summary>
public sealed class CheckAdmissionActivity : TaskActivity<WorkflowTicket, AdmissionDecision>
{
    private readonly AdmissionStore _admission;
    private readonly AdmissionPolicy _policy;
    private readonly WorkflowRunStore _runs;
    private readonly TimeProvider _time;

    public CheckAdmissionActivity(AdmissionStore admission, AdmissionPolicy policy, WorkflowRunStore runs, TimeProvider time)
    {
        _admission = admission;
        _policy = policy;
        _runs = runs;
        _time = time;
    }

    public override async Task<AdmissionDecision> RunAsync(TaskActivityContext context, WorkflowTicket input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var limits = await _policy.LimitsForAsync(input.TenantId, CancellationToken.None);
        var decision = await _admission.AcquireAsync(input.TenantId, input.WorkflowId, input.Attempt, input.WorkflowType, limits, queueReason: null, CancellationToken.None);
        if (decision.Admitted)
        {
            await _runs.MarkAdmittedAsync(input.TenantId, input.WorkflowId, _time.GetUtcNow(), CancellationToken.None);
        }

        return decision;
    }
}
