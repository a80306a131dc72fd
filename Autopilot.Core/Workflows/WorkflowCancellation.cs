using Autopilot.Core.Admission;
using Microsoft.DurableTask.Client;

namespace Autopilot.Core.Workflows;

/// <summary>
/// Cancels runs (WF-16): a queued one leaves the queue, a running one's orchestration is terminated and its slot given
/// to the next; finished runs stay as they are.
/// </summary>
public sealed class WorkflowCancellation
{
    private readonly WorkflowRunStore _runs;
    private readonly AdmissionStore _admission;
    private readonly QueueProcessor _queue;
    private readonly TimeProvider _time;

    public WorkflowCancellation(WorkflowRunStore runs, AdmissionStore admission, QueueProcessor queue, TimeProvider time)
    {
        _runs = runs;
        _admission = admission;
        _queue = queue;
        _time = time;
    }

    /// <summary>Cancels one run; returns it as it is afterwards.</summary>
    public async Task<WorkflowRun> CancelAsync(DurableTaskClient client, WorkflowRun run, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(run);
        if (run.Status is WorkflowStatus.Success or WorkflowStatus.Failed or WorkflowStatus.Cancelled or WorkflowStatus.DeadLetter)
        {
            return run;
        }

        if (run.Status is WorkflowStatus.Queued or WorkflowStatus.Running)
        {
            await _admission.CancelQueuedAsync(run.TenantId, run.WorkflowId, cancellation);
            var instance = await client.GetInstanceAsync(run.WorkflowId, getInputsAndOutputs: false, cancellation);
            if (instance is { IsCompleted: false })
            {
                await client.TerminateInstanceAsync(run.WorkflowId, "cancelled", cancellation);
            }

            await _queue.ReleaseAsync(client, run.TenantId, run.WorkflowId, cancellation);
        }

        var now = _time.GetUtcNow();
        await _runs.SetStatusAsync(run.TenantId, run.WorkflowId, WorkflowStatus.Cancelled, now, run.Error, cancellation);
        return run with { Status = WorkflowStatus.Cancelled, FinishedAt = now };
    }

    /// <summary>Cancels every running and queued run of the tenant; returns (running, queued) counts.</summary>
    public async Task<(int Running, int Queued)> CancelAllAsync(DurableTaskClient client, string tenantId, CancellationToken cancellation)
    {
        var (running, queued) = (0, 0);
        foreach (var run in await _runs.ListAsync(tenantId, null, null, cancellation))
        {
            if (run.Status == WorkflowStatus.Running)
            {
                await CancelAsync(client, run, cancellation);
                running++;
            }
            else if (run.Status == WorkflowStatus.Queued)
            {
                await CancelAsync(client, run, cancellation);
                queued++;
            }
        }

        return (running, queued);
    }
}
