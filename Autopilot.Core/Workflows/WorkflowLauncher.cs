using System.Text.Json;
using Autopilot.Core.Admission;
using Autopilot.Core.Audit;
using Autopilot.Core.Engine;
using Autopilot.Core.Storage;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Autopilot.Core.Workflows;

/// <summary>
/// Starts workflows the one way: run record, admission (slot, or a queue position; outages queue), then the
/// orchestration under the workflow id. A queued workflow's orchestration starts too and waits durably for its slot.
/// </summary>
public sealed class WorkflowLauncher
{
    private readonly WorkflowRunStore _runs;
    private readonly AdmissionStore _admission;
    private readonly AdmissionPolicy _policy;
    private readonly AuditLog _audit;
    private readonly TimeProvider _time;

    public WorkflowLauncher(WorkflowRunStore runs, AdmissionStore admission, AdmissionPolicy policy, AuditLog audit, TimeProvider time)
    {
        _runs = runs;
        _admission = admission;
        _policy = policy;
        _audit = audit;
        _time = time;
    }

    /// <summary>A new workflow run of <paramref name="kind"/>; <paramref name="input"/> builds its input from the ticket.</summary>
    public async Task<LaunchResult> LaunchAsync(DurableTaskClient client, string tenantId, WorkflowKind kind, string? connectionId, Func<WorkflowTicket, IWorkflowInput> input, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(input);
        var workflowId = Ids.New("wf");
        var draft = input(new WorkflowTicket(tenantId, workflowId, kind.Type, Queued: false, Attempt: 1));
        await _runs.CreateAsync(
            new WorkflowRun(workflowId, tenantId, kind.Type, WorkflowStatus.Queued, _time.GetUtcNow(), null, connectionId, null,
                InputJson: JsonSerializer.Serialize(draft, kind.InputType, AutopilotJson.Options)),
            cancellation);
        return await AdmitAndStartAsync(client, kind, draft, cancellation);
    }

    /// <summary>Another attempt of an existing run under the same id: completed steps are reused by their idempotency keys.</summary>
    public async Task<LaunchResult> RelaunchAsync(DurableTaskClient client, WorkflowRun run, WorkflowKind kind, RetryAction action, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(kind);
        var previous = (IWorkflowInput)JsonSerializer.Deserialize(run.InputJson ?? throw new InvalidOperationException($"Run {run.WorkflowId} has no stored input."), kind.InputType, AutopilotJson.Options)!;
        var attempt = run.Attempts + 1;
        var next = previous.ForAttempt(new WorkflowTicket(run.TenantId, run.WorkflowId, kind.Type, Queued: false, attempt), action);
        await _runs.ReopenAsync(run.TenantId, run.WorkflowId, WorkflowStatus.Queued, attempt, JsonSerializer.Serialize(next, kind.InputType, AutopilotJson.Options), cancellation);
        return await AdmitAndStartAsync(client, kind, next, cancellation);
    }

    private async Task<LaunchResult> AdmitAndStartAsync(DurableTaskClient client, WorkflowKind kind, IWorkflowInput draft, CancellationToken cancellation)
    {
        var ticket = draft.Ticket;
        var limits = await _policy.LimitsForAsync(ticket.TenantId, cancellation);
        var outage = await _policy.OutageFor(kind.Type, cancellation);
        var decision = await _admission.AcquireAsync(ticket.TenantId, ticket.WorkflowId, ticket.Attempt, kind.Type, limits, outage, cancellation);
        if (decision.Admitted)
        {
            await _runs.MarkAdmittedAsync(ticket.TenantId, ticket.WorkflowId, _time.GetUtcNow(), cancellation);
        }

        var admittedTicket = ticket with { Queued = !decision.Admitted };
        var input = draft.WithTicket(admittedTicket);
        await client.ScheduleNewOrchestrationInstanceAsync(kind.Orchestrator, input, new StartOrchestrationOptions(ticket.WorkflowId), cancellation);
        if (!decision.Admitted)
        {
            await _audit.AppendAsync(ticket.TenantId, "workflow_queued",
                new { workflow_type = kind.Type, reason = decision.Reason, queue_id = decision.QueueId, workflow_id = ticket.WorkflowId }, cancellation);
        }

        return new LaunchResult(ticket.WorkflowId, admittedTicket, decision);
    }
}
