using Autopilot.Core.Workflows;
using Microsoft.DurableTask.Client;

namespace Autopilot.Core.Admission;

/// <summary>
/// Admits a tenant's queued work when slots and dependencies allow; reclaims slots whose workflow finished without
/// releasing (terminated, or failed in its last step); and recovers work a crash caught between admission and the
/// start of its orchestration — the run record holds the input, so such work is started, not lost. Used by the
/// background processor, <c>POST /workflows/process-queue</c>, cancellation and recovery.
/// </summary>
public sealed class QueueProcessor
{
    /// <summary>A slot taken moments ago may belong to an orchestration the launcher is still scheduling.</summary>
    private static readonly TimeSpan StartGrace = TimeSpan.FromSeconds(15);
    private readonly AdmissionStore _admission;
    private readonly AdmissionPolicy _policy;
    private readonly TimeProvider _time;
    private readonly ServiceSlots? _service;

    public QueueProcessor(AdmissionStore admission, AdmissionPolicy policy, TimeProvider time, ServiceSlots? service = null)
    {
        _admission = admission;
        _policy = policy;
        _time = time;
        _service = service;
    }

    /// <summary>
    /// Frees service-wide slots a crash or a lost signal left behind, older than the start grace: a slot whose
    /// orchestration has finished or vanished (terminated, failed in its last step, died unreleased) — released like
    /// the tenant's own reclaim, which also admits the tenant's next item — and a slot held for a workflow that is
    /// still waiting in its queue (its holder died between taking the slot and deciding to queue instead). The
    /// engine's instance row is read first; the tenant's partition only for those two suspicious cases, so a repair
    /// pass over healthy running work reads no tenant partitions. Returns how many were freed.
    /// </summary>
    public async Task<int> RepairServiceSlotsAsync(DurableTaskClient client, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (_service is null)
        {
            return 0;
        }

        var repaired = 0;
        var now = _time.GetUtcNow();
        foreach (var holder in await _service.HoldersAsync(cancellation))
        {
            if (now - holder.TakenAt < StartGrace)
            {
                continue;
            }

            var instance = await client.GetInstanceAsync(holder.WorkflowId, getInputsAndOutputs: false, cancellation);
            var finished = instance is null || instance.IsCompleted;
            var waiting = !finished && instance!.SerializedCustomStatus?.Contains("\"queued\"", StringComparison.Ordinal) == true;
            if (!finished && !waiting)
            {
                continue;
            }

            var listed = (await _admission.ListRunningAsync(holder.TenantId, cancellation)).Any(r => r.WorkflowId == holder.WorkflowId);
            if (finished && listed)
            {
                await ReleaseAsync(client, holder.TenantId, holder.WorkflowId, cancellation);
                repaired++;
            }
            else if (!listed)
            {
                await _service.ReleaseExactAsync(holder, cancellation);
                repaired++;
            }
        }

        return repaired;
    }

    public async Task<QueuePass> ProcessTenantAsync(DurableTaskClient client, string tenantId, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(client);
        var queued = await _admission.ListQueuedAsync(tenantId, cancellation);
        var limits = await _policy.LimitsForAsync(tenantId, cancellation);
        var available = await _policy.DependencySnapshotAsync(tenantId, cancellation);

        var reclaimed = 0;
        var now = _time.GetUtcNow();
        foreach (var running in await _admission.ListRunningAsync(tenantId, cancellation))
        {
            if (now - running.AdmittedAt < StartGrace)
            {
                continue;
            }

            var instance = await client.GetInstanceAsync(running.WorkflowId, getInputsAndOutputs: false, cancellation);
            if (instance is null || instance.IsCompleted)
            {
                await SignalAsync(client, await _admission.ReleaseAsync(tenantId, running.WorkflowId, limits, available, cancellation), cancellation);
                reclaimed++;
            }
        }


        var admitted = await _admission.ReleaseAsync(tenantId, null, limits, available, cancellation);
        await SignalAsync(client, admitted, cancellation);
        var skipped = queued.Count(q => !available(q));
        return new QueuePass(admitted.Count, skipped, 0, Math.Max(0, queued.Count - admitted.Count - skipped), queued.Count, reclaimed);
    }

    /// <summary>Frees a cancelled workflow's slot and starts what fits in its place.</summary>
    public async Task ReleaseAsync(DurableTaskClient client, string tenantId, string workflowId, CancellationToken cancellation)
    {
        var limits = await _policy.LimitsForAsync(tenantId, cancellation);
        var available = await _policy.DependencySnapshotAsync(tenantId, cancellation);
        await SignalAsync(client, await _admission.ReleaseAsync(tenantId, workflowId, limits, available, cancellation), cancellation);
    }

    /// <summary>
    /// Finishes the tenant's launches a crash interrupted between the admission decision and the orchestration's
    /// start: run record and orchestration are made to exist, from the launch record.
    /// </summary>
    public async Task<int> RecoverLaunchesAsync(DurableTaskClient client, WorkflowLauncher launcher, string tenantId, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(launcher);
        var recovered = 0;
        foreach (var launch in await _admission.UnscheduledLaunchesAsync(tenantId, _time.GetUtcNow() - StartGrace, cancellation))
        {
            var standing = await _admission.AcquireAsync(launch.TenantId, launch.WorkflowId, launch.Attempt, launch.WorkflowType,
                await _policy.LimitsForAsync(launch.TenantId, cancellation), queueReason: null, cancellation);
            if (!standing.Cancelled)
            {
                await launcher.StartAsync(client, launch, queued: !standing.Admitted, cancellation);
                recovered++;
            }
        }

        return recovered;
    }

    private static async Task SignalAsync(DurableTaskClient client, IReadOnlyList<QueueItem> admitted, CancellationToken cancellation)
    {
        foreach (var item in admitted)
        {
            await client.RaiseEventAsync(item.WorkflowId, AdmissionSteps.SlotGranted, "queue", cancellation);
        }
    }
}
