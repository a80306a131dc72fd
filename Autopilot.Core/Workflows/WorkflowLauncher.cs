using System.Text.Json;
using Autopilot.Core.Admission;
using Autopilot.Core.Audit;
using Autopilot.Core.Engine;
using Autopilot.Core.Storage;
using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Autopilot.Core.Workflows;

/// <summary>
/// Starts workflows the one way: the admission decision (slot, or a queue position; outages queue) committed together
/// with a launch record, then the run record, then the orchestration under the workflow id. A queued workflow's
/// orchestration starts too and waits durably for its slot. A crash between any two of these is repaired by the
/// queue processor from the launch record.
/// </summary>
public sealed partial class WorkflowLauncher
{
    private readonly WorkflowRunStore _runs;
    private readonly AdmissionStore _admission;
    private readonly AdmissionPolicy _policy;
    private readonly AuditLog _audit;
    private readonly TimeProvider _time;
    private readonly Tenants.TenantStore _tenants;

    private static readonly OrchestrationRuntimeStatus[] LiveDedupe =
        [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended];

    private static readonly OrchestrationRuntimeStatus[] OnceDedupe =
        [.. LiveDedupe, OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];

    public WorkflowLauncher(WorkflowRunStore runs, AdmissionStore admission, AdmissionPolicy policy, AuditLog audit, TimeProvider time, Tenants.TenantStore tenants)
    {
        _tenants = tenants;
        _runs = runs;
        _admission = admission;
        _policy = policy;
        _audit = audit;
        _time = time;
    }

    /// <summary>A new workflow run of <paramref name="kind"/>; <paramref name="input"/> builds its input from the ticket.</summary>
    public Task<LaunchResult> LaunchAsync(DurableTaskClient client, string tenantId, WorkflowKind kind, string? connectionId, Func<WorkflowTicket, IWorkflowInput> input, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(input);
        var draft = input(new WorkflowTicket(tenantId, Ids.New("wf"), kind.Type, Queued: false, Attempt: 1));
        return AdmitAndStartAsync(client, kind, draft, connectionId, cancellation);
    }

    /// <summary>Another attempt of an existing run under the same id: completed steps are reused by their idempotency keys.</summary>
    public Task<LaunchResult> RelaunchAsync(DurableTaskClient client, WorkflowRun run, WorkflowKind kind, RetryAction action, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(kind);
        var previous = (IWorkflowInput)JsonSerializer.Deserialize(run.InputJson ?? throw new InvalidOperationException($"Run {run.WorkflowId} has no stored input."), kind.InputType, AutopilotJson.Options)!;
        var next = previous.ForAttempt(new WorkflowTicket(run.TenantId, run.WorkflowId, kind.Type, Queued: false, run.Attempts + 1), action);
        return AdmitAndStartAsync(client, kind, next, run.ConnectionId, cancellation);
    }

    /// <summary>
    /// Makes the run record and the orchestration match a launch record: used by the launcher itself and by recovery
    /// after a crash. Both halves are idempotent.
    /// </summary>
    public async Task StartAsync(DurableTaskClient client, LaunchRecord launch, bool queued, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(launch);
        var kind = WorkflowKinds.Find(launch.WorkflowType, includeTestKinds: true)
            ?? throw new InvalidOperationException($"Unknown workflow type {launch.WorkflowType}.");
        var stored = (IWorkflowInput)JsonSerializer.Deserialize(launch.InputJson, kind.InputType, AutopilotJson.Options)!;
        var input = stored.WithTicket(stored.Ticket with { Queued = queued });
        var status = queued ? WorkflowStatus.Queued : WorkflowStatus.Running;

        var run = await _runs.GetAsync(launch.TenantId, launch.WorkflowId, cancellation);
        if (launch.Once && run is not null && WorkflowStatus.IsFinal(run.Status))
        {
            // A once-only id that already ran (the recovery of a launch whose record outlived its orchestration): never again.
            await _admission.MarkScheduledAsync(launch, cancellation);
            return;
        }

        if (run is null)
        {
            await _runs.CreateAsync(new WorkflowRun(launch.WorkflowId, launch.TenantId, kind.Type, status, launch.CreatedAt, null, launch.ConnectionId, null,
                AdmittedAt: queued ? null : _time.GetUtcNow(), Attempts: launch.Attempt, InputJson: launch.InputJson), cancellation);
        }
        else if (run.Attempts < launch.Attempt || WorkflowStatus.IsFinal(run.Status))
        {
            await _runs.ReopenAsync(launch.TenantId, launch.WorkflowId, WorkflowStatus.Queued, launch.Attempt, launch.InputJson, cancellation);
            if (!queued)
            {
                await _runs.MarkAdmittedAsync(launch.TenantId, launch.WorkflowId, _time.GetUtcNow(), cancellation);
            }
        }
        else if (!queued && run.Status == WorkflowStatus.Queued)
        {
            // A run claimed before its admission (a once-only launch) that got a slot: running, as a created one would be.
            await _runs.MarkAdmittedAsync(launch.TenantId, launch.WorkflowId, _time.GetUtcNow(), cancellation);
        }

        await ScheduleOnceAsync(client, kind, input, launch.WorkflowId, launch.Once, cancellation);
        await _admission.MarkScheduledAsync(launch, cancellation);
    }

    /// <summary>
    /// Starts the orchestration, or confirms it already runs. Only the engine's own duplicate signal counts as
    /// "already started" (<see cref="OrchestrationAlreadyExistsException"/>: the SDK's documented contract, thrown by
    /// the server's DTFx client and by the Functions gRPC client alike), and only once the instance is read back:
    /// any other failure propagates and the launch stays unscheduled, for recovery to retry.
    /// </summary>
    private static async Task ScheduleOnceAsync(DurableTaskClient client, WorkflowKind kind, IWorkflowInput input, string workflowId, bool once, CancellationToken cancellation)
    {
        // Pending/running/suspended ids are refused rather than replaced; a finished attempt's id is reused by the next
        // attempt — except a once-only id, whose finished orchestration is refused too.
        var options = new StartOrchestrationOptions(workflowId).WithDedupeStatuses(once ? OnceDedupe : LiveDedupe);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(kind.Orchestrator, input, options, cancellation);
            Telemetry.AutopilotMetrics.WorkflowStarted(kind.Type);
        }
        catch (OrchestrationAlreadyExistsException)
        {
            var existing = await client.GetInstanceAsync(workflowId, getInputsAndOutputs: false, cancellation);
            if (existing is null || !string.Equals(existing.Name, kind.Orchestrator, StringComparison.Ordinal))
            {
                throw;
            }
        }
    }

    private async Task<LaunchResult> AdmitAndStartAsync(DurableTaskClient client, WorkflowKind kind, IWorkflowInput draft, string? connectionId, CancellationToken cancellation, bool once = false)
    {
        var ticket = draft.Ticket;
        // A tenant's first workflow creates its record (TEN-8), so the tenant can be purged later.
        await _tenants.EnsureAsync(ticket.TenantId, "workflow", cancellation);
        var launch = new LaunchRecord(ticket.TenantId, ticket.WorkflowId, ticket.Attempt, kind.Type, kind.Orchestrator,
            JsonSerializer.Serialize(draft, kind.InputType, AutopilotJson.Options), connectionId, false, _time.GetUtcNow(), once);
        var limits = await _policy.LimitsForAsync(ticket.TenantId, cancellation);
        var outage = await _policy.OutageFor(ticket.TenantId, kind.Type, cancellation);
        var decision = await _admission.AcquireAsync(ticket.TenantId, ticket.WorkflowId, ticket.Attempt, kind.Type, limits, outage, cancellation, launch);
        await StartAsync(client, launch, queued: !decision.Admitted, cancellation);
        if (!decision.Admitted)
        {
            await _audit.AppendAsync(ticket.TenantId, "workflow_queued",
                new { workflow_type = kind.Type, reason = decision.Reason, queue_id = decision.QueueId, workflow_id = ticket.WorkflowId }, cancellation);
        }

        return new LaunchResult(ticket.WorkflowId, ticket with { Queued = !decision.Admitted }, decision);
    }
}
