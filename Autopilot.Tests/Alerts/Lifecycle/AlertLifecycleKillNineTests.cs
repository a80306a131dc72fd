using Autopilot.Core.Alerts;
using Autopilot.Core.Alerts.Notifications;
using Autopilot.Tests.Infrastructure;
using Microsoft.DurableTask.Client;
using Xunit.Abstractions;

namespace Autopilot.Tests.Alerts.Lifecycle;

/// <summary>
/// Durability of an alert lifecycle: the server is killed with SIGKILL while the lifecycle waits on its escalation timer;
/// a restarted server on the same task hub escalates the alert once for that due time — not twice, not never.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class AlertLifecycleKillNineTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_lifecycle_waiting_when_the_server_is_killed_escalates_once_after_restart()
    {
        var hub = TestEnvironment.NewHubName("alkill");
        var tenant = AlertLifecycleServer.NewTenant("alkill");
        var read = new AlertLifecycleServer(hub);
        string alertId;
        Alert raised;

        await using (var first = new ServerProcess(hub, SharedDemoWarehouse.Path, AlertLifecycleServer.Environment))
        {
            await first.StartAsync();
            using var http = first.CreateClient();
            Assert.Equal(200, (await http.SendAsync(HttpMethod.Post, "api/v1/alerts/policy", tenant, "admin", AlertLifecycleServer.PolicyBody(tenant, "P1", 10))).Status);
            var (status, created) = await http.SendAsync(HttpMethod.Post, "api/v1/alerts", tenant, "member", AlertLifecycleServer.RaiseBody(tenant, "orders_late"));
            Assert.Equal(200, status);
            alertId = created!["alert_id"]!.GetValue<string>();
            raised = await read.AlertAsync(tenant, alertId);
            await AlertLifecycleServer.WaitForAsync(() => read.LifecycleAsync(tenant, alertId), i => i?.SerializedCustomStatus?.Contains("escalated", StringComparison.Ordinal) == true,
                TimeSpan.FromSeconds(8), "the lifecycle was not waiting for its escalation before the kill");
            first.Kill();
        }

        Assert.Equal(0, (await read.AlertAsync(tenant, alertId)).EscalatedCount);
        var restart = System.Diagnostics.Stopwatch.StartNew();
        await using var second = new ServerProcess(hub, SharedDemoWarehouse.Path, AlertLifecycleServer.Environment);
        await second.StartAsync();
        var escalated = await AlertLifecycleServer.WaitForAsync(() => read.AlertAsync(tenant, alertId), a => a.EscalatedCount >= 1, TimeSpan.FromMinutes(3), "the alert never escalated after the restart");
        output.WriteLine($"escalated {restart.Elapsed.TotalSeconds:F1} s after the restart began; due {raised.NextEscalationAt:HH:mm:ss.fff}, escalated {escalated.LastNotifiedAt:HH:mm:ss.fff}");

        // Stop the schedule (the next escalation is 10 s on) and let everything in flight settle before counting.
        using var client = second.CreateClient();
        Assert.Equal(200, (await client.SendAsync(HttpMethod.Post, $"api/v1/alerts/{alertId}/ack?org_id={tenant}", tenant, "member", """{"user_id":"dana"}""")).Status);
        await AlertLifecycleServer.WaitForAsync(() => read.LifecycleAsync(tenant, alertId), i => i?.IsCompleted == true, TimeSpan.FromSeconds(60), "the lifecycle did not end after the ack");
        await Task.Delay(TimeSpan.FromSeconds(3));

        var final = await read.AlertAsync(tenant, alertId);
        var announced = await read.AnnouncementsAsync(tenant, alertId, AlertEventTypes.Escalated);
        Assert.Equal(1, final.EscalatedCount);
        var announcement = Assert.Single(announced);
        Assert.EndsWith(raised.NextEscalationAt!.Value.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", System.Globalization.CultureInfo.InvariantCulture), announcement.InstanceId, StringComparison.Ordinal);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, announcement.RuntimeStatus);
    }
}
