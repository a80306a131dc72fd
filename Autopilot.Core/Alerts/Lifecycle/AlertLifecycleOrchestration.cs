using Autopilot.Core.Workflows;
using Microsoft.DurableTask;

namespace Autopilot.Core.Alerts.Lifecycle;

/// <summary>
/// One per open alert (<see cref="InstanceIdFor"/>): reads the alert, waits on a durable timer for its next escalation or
/// acknowledgement reminder — or for <see cref="ChangedEvent"/> (ack, snooze, resolve, a dedupe update, a policy or routing
/// change) — then performs what fell due if it still is for that due time, which starts its announcement (an
/// AlertNotifyOrchestration keyed by the due time) without waiting for delivery. Each cycle continues as new, so history stays small. It
/// ends when nothing can fall due any more (acknowledged, resolved, gone); a re-open starts a new one.
/// </summary>
public sealed class AlertLifecycleOrchestration : TaskOrchestrator<AlertLifecycleInput, string>
{
    /// <summary>The event that tells a lifecycle its alert (or the tenant's policy or routing) changed: read it again.</summary>
    public const string ChangedEvent = "alert_changed";

    /// <summary>How long to wait before trying again when the timer fired ahead of the performer's clock.</summary>
    private static readonly TimeSpan EarlyRetry = TimeSpan.FromSeconds(1);

    /// <summary><c>alert-{tenant}-{alertId}</c>: one lifecycle per alert at a time.</summary>
    public static string InstanceIdFor(string tenantId, string alertId) => $"alert-{tenantId}-{alertId}";

    public override async Task<string> RunAsync(TaskOrchestrationContext context, AlertLifecycleInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var plan = await context.CallActivityAsync<AlertLifecyclePlan>(nameof(PlanAlertLifecycleActivity), input, StepRetry.Default);
        if (plan.Next is not { } due)
        {
            return plan.Status ?? "gone";
        }

        context.SetCustomStatus(new { status = plan.Status, next = due.EventType, due_at = due.At });
        if (due.At > context.CurrentUtcDateTime && await ChangedBeforeAsync(context, due.At))
        {
            context.ContinueAsNew(input, preserveUnprocessedEvents: true);
            return "changed";
        }

        // Performing also starts the announcement, without waiting for its delivery (see PerformAlertDueActivity).
        var outcome = await context.CallActivityAsync<AlertDueOutcome>(nameof(PerformAlertDueActivity),
            new PerformAlertDueInput(input.TenantId, input.AlertId, due, context.InstanceId), StepRetry.Default);
        if (outcome == AlertDueOutcome.Early)
        {
            await ChangedBeforeAsync(context, context.CurrentUtcDateTime + EarlyRetry);
        }

        context.ContinueAsNew(input, preserveUnprocessedEvents: true);
        return outcome.ToString();
    }

    /// <summary>Waits until <paramref name="until"/>; true when a change was signalled first.</summary>
    private static async Task<bool> ChangedBeforeAsync(TaskOrchestrationContext context, DateTimeOffset until)
    {
        using var stop = new CancellationTokenSource();
        var changed = context.WaitForExternalEvent<string?>(ChangedEvent, stop.Token);
        var timer = context.CreateTimer(until.UtcDateTime, stop.Token);
        var first = await Task.WhenAny(changed, timer);
        stop.Cancel(); // synchronous on purpose: orchestrator code must not hop threads
        return first == changed;
    }
}
