using System.Diagnostics;
using Autopilot.Core.Alerts.Notifications;
using Autopilot.Core.Alerts.Notifications.Channels;
using Autopilot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Autopilot.Tests.Alerts.Notifications;

/// <summary>
/// Exactly-once delivery across kill -9: the server is killed with SIGKILL while a slow receiver holds one delivery; a
/// restarted server on the same hub finishes the announcement. Counted at the receiver by <c>Idempotency-Key</c> among the
/// accepted deliveries, and in storage: no notification created twice, each row sent once.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class NotificationKillNineTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_server_killed_while_a_receiver_holds_a_delivery_delivers_each_notification_once_after_restart()
    {
        await using var receiver = await NotificationReceiver.StartAsync();
        receiver.Script("held", (200, TimeSpan.FromMinutes(5)));
        var hub = TestEnvironment.NewHubName("ntfkill");
        var environment = new Dictionary<string, string> { ["ALERT_MINUTE"] = "00:00:01", [Autopilot.Core.Alerts.Notifications.Channels.TargetAddressGuard.Setting] = "true" };
        var tenant = NotificationApi.NewTenant("ntfkill");
        string alertId;

        await using (var first = new ServerProcess(hub, SharedDemoWarehouse.Path, environment))
        {
            await first.StartAsync();
            using var http = first.CreateClient();
            var api = new NotificationApi(http, tenant);
            await api.SetRoutingAsync(
            [
                NotificationApi.Channel("webhook", receiver.Url("held"), "whsec-0123456789abcdef"),
                NotificationApi.Channel("slack", receiver.Url("quick")),
            ], new System.Text.Json.Nodes.JsonObject { ["P1"] = new System.Text.Json.Nodes.JsonArray("ann", "bo") });
            alertId = await api.RaiseAsync("P1");
            await WaitUntilAsync(() => receiver.To("held").Count >= 1, TimeSpan.FromSeconds(60), "the held delivery never reached the receiver");
            first.Kill();
        }

        var restart = Stopwatch.StartNew();
        await using var second = new ServerProcess(hub, SharedDemoWarehouse.Path, environment);
        await second.StartAsync();
        using var client = second.CreateClient();
        var items = await new NotificationApi(client, tenant).WaitForNotificationsAsync(alertId, i => NotificationApi.All(i, "sent", 4), TimeSpan.FromMinutes(3));
        output.WriteLine($"all sent {restart.Elapsed.TotalSeconds:F1} s after the restart began; receiver saw {receiver.Requests.Count} request(s)");
        await Task.Delay(TimeSpan.FromSeconds(3));

        var ids = items.Select(n => n!["notification_id"]!.GetValue<string>()).Order().ToList();
        var accepted = receiver.Requests.Where(r => r.Accepted).Select(r => r.Header(WebhookSignature.IdempotencyHeader)!).Order().ToList();
        Assert.Equal(4, ids.Distinct().Count());
        Assert.Equal(ids, accepted);
        Assert.Contains(receiver.To("held"), r => !r.Completed);
        var store = new AlertNotificationStore(new StorageFactory(hub).Tables);
        foreach (var id in ids)
        {
            var row = (await store.GetAsync(tenant, id, CancellationToken.None))!.Value.Notification;
            Assert.Equal((NotificationStatuses.Sent, row.ClaimedAttempt + 1), (row.Status, row.AttemptsFinished));
            Assert.NotNull(row.SentAt);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string failure)
    {
        var deadline = TimeProvider.System.GetUtcNow() + timeout;
        while (!condition())
        {
            Assert.True(TimeProvider.System.GetUtcNow() < deadline, failure);
            await Task.Delay(100);
        }
    }
}
