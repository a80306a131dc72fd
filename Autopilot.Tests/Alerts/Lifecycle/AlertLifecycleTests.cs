using Autopilot.Core.Alerts;
using Autopilot.Core.Alerts.Notifications;
using Autopilot.Tests.Infrastructure;
using Microsoft.DurableTask.Client;
using Xunit.Abstractions;

namespace Autopilot.Tests.Alerts.Lifecycle;

/// <summary>
/// Alert lifecycles on the real engine (a server process, Azurite), with the alert clock's minute a second and P1's
/// escalation policy 2 of them: escalation and reminders happen on time with no endpoint called, stop when the alert is
/// acknowledged or resolved, and each due time is announced once even when the explicit route races the timer.
/// Notification delivery is not built on this branch: the tests read the alert rows and the AlertNotify instances started.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class AlertLifecycleTests(AlertLifecycleServerFixture fixture, ITestOutputHelper output) : IClassFixture<AlertLifecycleServerFixture>
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private AlertLifecycleServer Read => fixture.Read;

    private async Task<string> RaiseP1Async(string tenant, int policyMinutes)
    {
        Assert.Equal(200, (await fixture.Http.SendAsync(HttpMethod.Post, "api/v1/alerts/policy", tenant, "admin", AlertLifecycleServer.PolicyBody(tenant, "P1", policyMinutes))).Status);
        var (status, created) = await fixture.Http.SendAsync(HttpMethod.Post, "api/v1/alerts", tenant, "member", AlertLifecycleServer.RaiseBody(tenant, "orders_late"));
        Assert.Equal(200, status);
        return created!["alert_id"]!.GetValue<string>();
    }

    private static DateTimeOffset DueOf(OrchestrationMetadata announcement) =>
        DateTimeOffset.ParseExact(announcement.InstanceId[^19..], "yyyyMMdd'T'HHmmssfff'Z'", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);

    [Fact]
    public async Task An_open_alert_escalates_on_time_again_a_period_later_is_reminded_and_stops_once_acknowledged_with_no_endpoint_called()
    {
        var tenant = AlertLifecycleServer.NewTenant("alife");
        await Read.SetReminderMinutesAsync(tenant, 1);
        var alertId = await RaiseP1Async(tenant, 2);
        var raised = await Read.AlertAsync(tenant, alertId);

        var twice = await AlertLifecycleServer.WaitForAsync(() => Read.AlertAsync(tenant, alertId), a => a.EscalatedCount >= 2, TimeSpan.FromSeconds(60), "the alert did not escalate twice by itself");
        Assert.Equal(AlertStatuses.Escalated, twice.Status);

        // The row changes first, the announcement is started right after: wait for it rather than race it.
        var escalations = (await AlertLifecycleServer.WaitForAsync(() => Read.AnnouncementsAsync(tenant, alertId, AlertEventTypes.Escalated), a => a.Count >= 2,
            TimeSpan.FromSeconds(15), "the second escalation was not announced")).OrderBy(DueOf).ToList();
        var reminders = await Read.AnnouncementsAsync(tenant, alertId, AlertEventTypes.Reminder);
        foreach (var e in escalations)
        {
            output.WriteLine($"{e.InstanceId}: due {DueOf(e):HH:mm:ss.fff}, started {e.CreatedAt:HH:mm:ss.fff} ({(e.CreatedAt - DueOf(e)).TotalSeconds:F2} s late)");
        }

        // The first escalation is for the raise's schedule (created + 2 alert minutes), started within seconds of it.
        Assert.True(escalations.Count >= 2, $"{escalations.Count} escalation announcements");
        Assert.Equal(raised.NextEscalationAt!.Value.ToUnixTimeMilliseconds(), DueOf(escalations[0]).ToUnixTimeMilliseconds()); // keys keep milliseconds
        Assert.InRange(escalations[0].CreatedAt - DueOf(escalations[0]), -2 * Second, 5 * Second);
        // The next one is a policy period after the first was performed (not after its due time).
        Assert.InRange(DueOf(escalations[1]) - escalations[0].CreatedAt, TimeSpan.Zero, 3 * Second);
        Assert.NotEmpty(reminders);

        Assert.Equal(200, (await fixture.Http.SendAsync(HttpMethod.Post, $"api/v1/alerts/{alertId}/ack?org_id={tenant}", tenant, "member", """{"user_id":"dana"}""")).Status);
        var ended = await AlertLifecycleServer.WaitForAsync(() => Read.LifecycleAsync(tenant, alertId), i => i?.IsCompleted == true, TimeSpan.FromSeconds(30), "the lifecycle did not end after the ack");
        Assert.Equal(OrchestrationRuntimeStatus.Completed, ended!.RuntimeStatus);
        var atAck = await Read.AlertAsync(tenant, alertId);
        var announcedAtAck = (await Read.AnnouncementsAsync(tenant, alertId, AlertEventTypes.Escalated)).Count + (await Read.AnnouncementsAsync(tenant, alertId, AlertEventTypes.Reminder)).Count;

        await Task.Delay(6 * Second); // three escalation periods, six reminder periods

        var later = await Read.AlertAsync(tenant, alertId);
        Assert.Equal((AlertStatuses.Acknowledged, atAck.EscalatedCount, atAck.LastNotifiedAt), (later.Status, later.EscalatedCount, later.LastNotifiedAt));
        Assert.Equal(announcedAtAck, (await Read.AnnouncementsAsync(tenant, alertId, AlertEventTypes.Escalated)).Count + (await Read.AnnouncementsAsync(tenant, alertId, AlertEventTypes.Reminder)).Count);
        // Every escalation on the row was announced, under its own due time: once each.
        Assert.Equal(later.EscalatedCount, (await Read.AnnouncementsAsync(tenant, alertId, AlertEventTypes.Escalated)).Count);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await Read.LifecycleAsync(tenant, alertId))!.RuntimeStatus);
    }

    [Fact]
    public async Task Resolving_an_alert_ends_its_lifecycle_and_the_sweep_does_not_start_another()
    {
        var tenant = AlertLifecycleServer.NewTenant("alres");
        var alertId = await RaiseP1Async(tenant, 30);
        await AlertLifecycleServer.WaitForAsync(() => Read.LifecycleAsync(tenant, alertId), i => i?.RuntimeStatus == OrchestrationRuntimeStatus.Running, TimeSpan.FromSeconds(30), "no lifecycle running for the new alert");

        Assert.Equal(200, (await fixture.Http.SendAsync(HttpMethod.Post, $"api/v1/alerts/{alertId}/resolve?org_id={tenant}", tenant, "member")).Status);

        var ended = await AlertLifecycleServer.WaitForAsync(() => Read.LifecycleAsync(tenant, alertId), i => i?.IsCompleted == true, TimeSpan.FromSeconds(30), "the lifecycle did not end after resolve");
        Assert.Equal((OrchestrationRuntimeStatus.Completed, "\"resolved\""), (ended!.RuntimeStatus, ended.SerializedOutput));
        await Task.Delay(5 * Second); // two sweeps
        var after = await Read.LifecycleAsync(tenant, alertId);
        Assert.Equal((OrchestrationRuntimeStatus.Completed, ended.LastUpdatedAt), (after!.RuntimeStatus, after.LastUpdatedAt));
    }

    [Fact]
    public async Task The_escalate_route_racing_the_timer_escalates_and_announces_each_due_time_once()
    {
        var tenant = AlertLifecycleServer.NewTenant("alrace");
        var alertId = await RaiseP1Async(tenant, 2);
        var routeEscalations = 0;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(9));

        // Three callers hammer the route while the lifecycle's timers fire: each due time goes to whoever is first.
        await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            while (!stop.IsCancellationRequested)
            {
                var (status, body) = await fixture.Http.SendAsync(HttpMethod.Post, $"api/v1/alerts/escalate?org_id={tenant}", tenant, "member");
                Assert.Equal(200, status);
                Interlocked.Add(ref routeEscalations, body!["escalated"]!.GetValue<int>());
                await Task.Delay(50);
            }
        }));
        Assert.Equal(200, (await fixture.Http.SendAsync(HttpMethod.Post, $"api/v1/alerts/{alertId}/ack?org_id={tenant}", tenant, "member", """{"user_id":"dana"}""")).Status);
        await AlertLifecycleServer.WaitForAsync(() => Read.LifecycleAsync(tenant, alertId), i => i?.IsCompleted == true, TimeSpan.FromSeconds(30), "the lifecycle did not end after the ack");

        var alert = await Read.AlertAsync(tenant, alertId);
        var announced = await Read.AnnouncementsAsync(tenant, alertId, AlertEventTypes.Escalated);
        output.WriteLine($"escalated {alert.EscalatedCount} times: {routeEscalations} by the route, the rest by the timer");

        Assert.True(alert.EscalatedCount >= 3, $"escalated {alert.EscalatedCount} times in 9 s of a 2 s policy");
        Assert.InRange(routeEscalations, 0, alert.EscalatedCount);
        // One announcement per escalation, each for a different due time: no due time escalated or announced twice.
        Assert.Equal(alert.EscalatedCount, announced.Count);
        Assert.Equal(announced.Count, announced.Select(DueOf).Distinct().Count());
    }

    [Fact]
    public async Task An_alert_stored_without_its_lifecycle_gets_one_from_the_sweep_and_escalates()
    {
        var tenant = AlertLifecycleServer.NewTenant("alsweep");
        Assert.Equal(200, (await fixture.Http.SendAsync(HttpMethod.Post, "api/v1/alerts/policy", tenant, "admin", AlertLifecycleServer.PolicyBody(tenant, "P1", 2))).Status);

        // Stored as the route would, but no lifecycle started: a crash between the two.
        var alert = await Read.Alerts.RaiseAsync(tenant, new AlertRequest("orders_late", "Orders late", "orders is 9 h old", "P1", "system", null), CancellationToken.None);
        Assert.Null(await Read.LifecycleAsync(tenant, alert.AlertId));

        await AlertLifecycleServer.WaitForAsync(() => Read.LifecycleAsync(tenant, alert.AlertId), i => i is not null, TimeSpan.FromSeconds(20), "the sweep did not start the missing lifecycle");
        var escalated = await AlertLifecycleServer.WaitForAsync(() => Read.AlertAsync(tenant, alert.AlertId), a => a.EscalatedCount >= 1, TimeSpan.FromSeconds(30), "the swept lifecycle did not escalate");
        Assert.Equal(AlertStatuses.Escalated, escalated.Status);
        Assert.Equal(200, (await fixture.Http.SendAsync(HttpMethod.Post, $"api/v1/alerts/{alert.AlertId}/resolve?org_id={tenant}", tenant, "member")).Status);
    }

    [Fact]
    public async Task The_reminders_route_reminds_unacknowledged_alerts_due_now_once_per_reminder_period_alongside_the_timer()
    {
        var tenant = AlertLifecycleServer.NewTenant("alrem");
        await Read.SetReminderMinutesAsync(tenant, 2);
        var alertId = await RaiseP1Async(tenant, 60);
        var raisedAt = TimeProvider.System.GetUtcNow();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(7));
        while (!stop.IsCancellationRequested)
        {
            var (status, body) = await fixture.Http.SendAsync(HttpMethod.Post, $"api/v1/alerts/reminders/process?org_id={tenant}", tenant, "member");
            Assert.Equal(200, status);
            // NTF-7: counts notifications (none until delivery lands on this branch), and lists their ids.
            Assert.Equal(body!["notification_ids"]!.AsArray().Count, body["reminders"]!.GetValue<int>());
            await Task.Delay(100);
        }

        Assert.Equal(200, (await fixture.Http.SendAsync(HttpMethod.Post, $"api/v1/alerts/{alertId}/ack?org_id={tenant}", tenant, "member", """{"user_id":"dana"}""")).Status);
        // A route call waits (bounded) for its announcements, so the last one can end well after the 7 s: the window the
        // alert stayed unacknowledged decides how many 2 s periods there were.
        var periods = (int)((TimeProvider.System.GetUtcNow() - raisedAt) / TimeSpan.FromSeconds(2));
        await AlertLifecycleServer.WaitForAsync(() => Read.LifecycleAsync(tenant, alertId), i => i?.IsCompleted == true, TimeSpan.FromSeconds(30), "the lifecycle did not end after the ack");

        var reminders = (await Read.AnnouncementsAsync(tenant, alertId, AlertEventTypes.Reminder)).Select(DueOf).Order().ToList();
        var alert = await Read.AlertAsync(tenant, alertId);
        output.WriteLine(string.Join(", ", reminders.Select(r => r.ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture))));
        Assert.InRange(reminders.Count, 2, periods + 1);
        // Each reminder is a full period after the previous one was performed: never two for one period.
        Assert.All(reminders.Zip(reminders.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromSeconds(1.9), $"{pair.First:O} then {pair.Second:O}"));
        Assert.Equal(0, alert.EscalatedCount);
    }
}
