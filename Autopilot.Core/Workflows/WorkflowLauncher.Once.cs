using System.Text.Json;
using Autopilot.Core.Admission;
using Autopilot.Core.Engine;
using Microsoft.DurableTask.Client;

namespace Autopilot.Core.Workflows;

/// <summary>Launches under a caller-given id that must start at most once ever (a tenant's memo of one week).</summary>
public sealed partial class WorkflowLauncher
{
    /// <summary>
    /// How long a claimed run may wait for its admission before a later launch treats the claimer as crashed. A claim is
    /// followed by the admission decision within a second or so; this leaves room for a loaded store.
    /// </summary>
    public static TimeSpan ClaimGrace { get; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Starts <paramref name="workflowId"/> unless a run with that id exists — live, queued or finished — in which case it
    /// is a no-op reporting <see cref="LaunchResult.AlreadyStarted"/>. Replicas racing on one id: the run record is created
    /// by a conditional insert first (the claim), and only its winner goes on to admission and the orchestration; the
    /// orchestration itself is started with every status deduplicated, so a finished one is never started again.
    /// </summary>
    /// <remarks>
    /// A crash after the claim and before the admission decision leaves a queued run with no decision, launch record or
    /// orchestration; a launch of the same id after <see cref="ClaimGrace"/> finishes it (every later step is idempotent),
    /// so such a week is started late, not lost. After the decision, the launch record's recovery takes over.
    /// </remarks>
    public async Task<LaunchResult> LaunchOnceAsync(DurableTaskClient client, string tenantId, WorkflowKind kind, string workflowId, string? connectionId, Func<WorkflowTicket, IWorkflowInput> input, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(input);
        var draft = input(new WorkflowTicket(tenantId, workflowId, kind.Type, Queued: false, Attempt: 1));
        var existing = await _runs.GetAsync(tenantId, workflowId, cancellation);
        if (existing is not null)
        {
            if (!await IsAbandonedClaimAsync(client, existing, cancellation))
            {
                return Started(draft.Ticket, existing);
            }

            await _runs.IndexAsync(existing, cancellation);
        }
        else
        {
            var claim = new WorkflowRun(workflowId, tenantId, kind.Type, WorkflowStatus.Queued, _time.GetUtcNow(), null, connectionId, null,
                Attempts: 1, InputJson: JsonSerializer.Serialize(draft, kind.InputType, AutopilotJson.Options));
            if (!await _runs.TryCreateAsync(claim, cancellation))
            {
                return Started(draft.Ticket, await _runs.GetAsync(tenantId, workflowId, cancellation));
            }
        }

        return await AdmitAndStartAsync(client, kind, draft, connectionId, cancellation, once: true);
    }

    /// <summary>A first-attempt run still queued long after its claim, with no admission standing and no orchestration.</summary>
    private async Task<bool> IsAbandonedClaimAsync(DurableTaskClient client, WorkflowRun run, CancellationToken cancellation)
    {
        if (run.Status != WorkflowStatus.Queued || run.Attempts != 1 || _time.GetUtcNow() - run.StartedAt < ClaimGrace)
        {
            return false;
        }

        if (await _admission.FindAsync(run.TenantId, run.WorkflowId, cancellation) is not null
            || (await _admission.ListRunningAsync(run.TenantId, cancellation)).Any(r => r.WorkflowId == run.WorkflowId))
        {
            return false;
        }

        return await client.GetInstanceAsync(run.WorkflowId, getInputsAndOutputs: false, cancellation) is null;
    }

    private static LaunchResult Started(WorkflowTicket ticket, WorkflowRun? run) =>
        new(ticket.WorkflowId, ticket with { Queued = run?.Status == WorkflowStatus.Queued }, AdmissionDecision.Running with { Admitted = run?.Status != WorkflowStatus.Queued }, AlreadyStarted: true);
}
