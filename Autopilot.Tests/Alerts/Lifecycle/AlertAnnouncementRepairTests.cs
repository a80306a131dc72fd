using Autopilot.Core.Alerts;
using Autopilot.Core.Alerts.Lifecycle;
using Autopilot.Core.Alerts.Notifications;
using Autopilot.Tests.Infrastructure;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Autopilot.Tests.Alerts.Lifecycle;

/// <summary>
/// The explicit escalate and reminder routes change an alert's row, then start its announcement; a process killed between
/// the two left the change unannounced. On the real engine and Azurite: the alert sweep's next tick announces such a
/// change under the occurrence's own instance id, once, and leaves marks older than its repair window alone.
/// </summary>
public sealed class AlertAnnouncementRepairTests
{
    [Fact]
    public async Task An_escalation_a_crash_left_unannounced_is_announced_by_the_next_sweep_tick_and_only_once()
    {
        await using var engine = await InProcessEngine.StartAsync("annrepair");
        var store = engine.Services.GetRequiredService<AlertStore>();
        var sweep = engine.Services.GetRequiredService<AlertLifecycleSweep>();
        var tenant = "org_annrep_" + Guid.NewGuid().ToString("N")[..8];
        var now = TimeProvider.System.GetUtcNow();
        var dueAt = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(-1);
        var stale = dueAt - AlertLifecycleSweep.AnnouncementRepairWindow - TimeSpan.FromMinutes(5);
        var alert = await store.RaiseAsync(tenant, new AlertRequest("orders-late", "Orders late", "The orders table is late.", "P1", "system", null), CancellationToken.None);

        // What the escalate route had committed when the process died: the row escalated and marked, no announcement
        // started. The reminder mark is older than the repair window (its announcement's history could have been purged).
        await store.UpdateAsync(tenant, alert.AlertId, (a, _) => a with
        {
            Status = AlertStatuses.Escalated,
            EscalatedCount = 1,
            NextEscalationAt = now.AddHours(1),
            LastEscalation = new TransitionMark(dueAt, "escalate_killed"),
            LastReminder = new TransitionMark(stale, "reminders_old"),
        }, CancellationToken.None);
        var escalation = AlertNotifyOrchestration.InstanceIdFor(new AlertDue(AlertEventTypes.Escalated, dueAt).ToEvent(tenant, alert.AlertId));
        var oldReminder = AlertNotifyOrchestration.InstanceIdFor(new AlertDue(AlertEventTypes.Reminder, stale).ToEvent(tenant, alert.AlertId));
        Assert.Null(await engine.Client.GetInstanceAsync(escalation, getInputsAndOutputs: false));

        await sweep.TickAsync(engine.Client, CancellationToken.None);
        var announced = await WaitFinishedAsync(engine.Client, escalation);
        await sweep.TickAsync(engine.Client, CancellationToken.None);
        var afterSecondTick = await engine.Client.GetInstanceAsync(escalation, getInputsAndOutputs: false);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, announced.RuntimeStatus);
        Assert.Equal(announced.CreatedAt, afterSecondTick!.CreatedAt);
        Assert.Null(await engine.Client.GetInstanceAsync(oldReminder, getInputsAndOutputs: false));
    }

    private static async Task<OrchestrationMetadata> WaitFinishedAsync(DurableTaskClient client, string instanceId)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (true)
        {
            if (await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, deadline.Token) is { IsRunning: false, RuntimeStatus: not OrchestrationRuntimeStatus.Pending } done)
            {
                return done;
            }

            await Task.Delay(200, deadline.Token);
        }
    }
}
