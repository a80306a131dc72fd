using Microsoft.DurableTask;

namespace Autopilot.Core.Admission;

/// <summary>
/// The orchestration side of admission: a queued workflow waits durably for its slot (an event from whoever freed
/// it, with a periodic re-check in case a signal was lost), and a finishing one frees its slot and signals the next.
/// </summary>
public static class AdmissionSteps
{
    public const string SlotGranted = "slot_granted";
    private const int MaxChecksPerHistory = 100;
    private static readonly TimeSpan Recheck = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Admitted, cancelled, or — after a long wait — continued as new with the same input so the wait's history stays
    /// small (nothing has run yet, so starting over loses nothing).
    /// </summary>
    public static async Task<SlotWait> WaitForSlotAsync(TaskOrchestrationContext context, WorkflowTicket ticket, object input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(ticket);
        if (!ticket.Queued)
        {
            return SlotWait.Admitted;
        }

        for (var check = 0; check < MaxChecksPerHistory; check++)
        {
            var decision = await context.CallActivityAsync<AdmissionDecision>(nameof(CheckAdmissionActivity), ticket);
            if (decision.Admitted || decision.Cancelled)
            {
                context.SetCustomStatus(null);
                return decision.Admitted ? SlotWait.Admitted : SlotWait.Cancelled;
            }

            context.SetCustomStatus(new { state = "queued", queue_id = decision.QueueId, queue_position = decision.Position, reason = decision.Reason });
            using var stop = new CancellationTokenSource();
            var granted = context.WaitForExternalEvent<string>(SlotGranted, stop.Token);
            var timer = context.CreateTimer(Recheck, stop.Token);
            await Task.WhenAny(granted, timer);
            stop.Cancel(); // synchronous on purpose: orchestrator code must not hop threads
        }

        context.ContinueAsNew(input, preserveUnprocessedEvents: true);
        return SlotWait.ContinuedAsNew;
    }

    /// <summary>Frees the slot and signals the workflows admitted in its place.</summary>
    public static async Task ReleaseAsync(TaskOrchestrationContext context, WorkflowTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(context);
        var admitted = await context.CallActivityAsync<IReadOnlyList<string>>(nameof(ReleaseSlotActivity), ticket);
        foreach (var workflowId in admitted)
        {
            context.SendEvent(workflowId, SlotGranted, ticket.WorkflowId);
        }
    }
}
