using System.Text.Json;
using Autopilot.Core.Admission;
using Autopilot.Core.Audit;
using Autopilot.Core.Engine;
using Autopilot.Core.Workflows;
using Microsoft.DurableTask;

namespace Autopilot.Core.Profiling;

/// <summary>
/// Admits a profile that runs as a sub-orchestration of other work (<see cref="ProfileFirst"/>): the same admission
/// decision and run record as <c>POST /workflows/profile</c>, but the caller's orchestrator starts the orchestration.
/// Idempotent per workflow id: a retried call returns the same standing and leaves the run record as it is.
/// </summary>
public sealed class AdmitProfileActivity : TaskActivity<AdmitProfileInput, WorkflowTicket>
{
    private readonly AdmissionStore _admission;
    private readonly AdmissionPolicy _policy;
    private readonly WorkflowRunStore _runs;
    private readonly AuditLog _audit;
    private readonly TimeProvider _time;

    public AdmitProfileActivity(AdmissionStore admission, AdmissionPolicy policy, WorkflowRunStore runs, AuditLog audit, TimeProvider time)
    {
        _admission = admission;
        _policy = policy;
        _runs = runs;
        _audit = audit;
        _time = time;
    }

    public override async Task<WorkflowTicket> RunAsync(TaskActivityContext context, AdmitProfileInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var cancellation = CancellationToken.None;
        var (tenant, workflowId) = (input.TenantId, input.WorkflowId);
        var limits = await _policy.LimitsForAsync(tenant, cancellation);
        var outage = await _policy.OutageFor(tenant, WorkflowTypes.Profile, cancellation);
        // No launch record: if this orchestration never starts the child, the queue processor reclaims the slot of an
        // instance that does not exist, and there is nothing for crash recovery to start on its own.
        var decision = await _admission.AcquireAsync(tenant, workflowId, 1, WorkflowTypes.Profile, limits, outage, cancellation);
        var ticket = new WorkflowTicket(tenant, workflowId, WorkflowTypes.Profile, Queued: !decision.Admitted, Attempt: 1);
        if (await _runs.GetAsync(tenant, workflowId, cancellation) is null)
        {
            var now = _time.GetUtcNow();
            var runInput = new ProfileRunInput(ticket with { Queued = false }, input.ConnectionId, Sampling: false, SkipOnError: false);
            await _runs.CreateAsync(new WorkflowRun(workflowId, tenant, WorkflowTypes.Profile, decision.Admitted ? WorkflowStatus.Running : WorkflowStatus.Queued,
                now, null, input.ConnectionId, null, AdmittedAt: decision.Admitted ? now : null, Attempts: 1,
                InputJson: JsonSerializer.Serialize(runInput, AutopilotJson.Options)), cancellation);
            if (!decision.Admitted)
            {
                await _audit.AppendAsync(tenant, "workflow_queued",
                    new { workflow_type = WorkflowTypes.Profile, reason = decision.Reason, queue_id = decision.QueueId, workflow_id = workflowId }, cancellation);
            }
        }

        return ticket;
    }
}
