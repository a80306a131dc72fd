using System.Text.Json.Nodes;
using Autopilot.Core.Alerts.Notifications.Channels;
using Autopilot.Tests.Alerts.Notifications;
using Autopilot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Autopilot.Tests.Alerts;

/// <summary>
/// Issue 12's "done when", end to end on a real server (alert minute = 1 s) with real receivers over loopback: a P1 alert
/// routed to a signed webhook and a Slack-shaped receiver is delivered to both, then reminded and escalated on time by its
/// lifecycle with no endpoint called, and nothing more reaches either receiver once it is acknowledged.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class AlertDeliveryEndToEndTests(NotificationServerFixture fixture, ITestOutputHelper output) : IClassFixture<NotificationServerFixture>
{
    private const string Secret = "whsec-end-to-end-0123456789";

    [Fact]
    public async Task A_routed_P1_alert_reaches_webhook_and_slack_is_reminded_and_escalated_on_time_and_stops_when_acknowledged()
    {
        await using var receiver = await NotificationReceiver.StartAsync();
        var tenant = NotificationApi.NewTenant("e2e");
        var api = new NotificationApi(fixture.Http, tenant, quiet: false);
        var routing = new JsonObject
        {
            ["org_id"] = tenant,
            ["routing"] = new JsonObject
            {
                ["channels"] = new JsonArray(
                    NotificationApi.Channel("webhook", receiver.Url("ops"), Secret),
                    NotificationApi.Channel("slack", receiver.Url("slack"))),
                ["ack_reminder_minutes"] = 2,
            },
        };
        Assert.Equal(200, (await fixture.Http.SendAsync(HttpMethod.Post, "api/v1/alerts/routing", tenant, "admin", routing.ToJsonString())).Status);
        var policy = new JsonObject { ["org_id"] = tenant, ["policy"] = new JsonObject { ["P1"] = 3 } };
        Assert.Equal(200, (await fixture.Http.SendAsync(HttpMethod.Post, "api/v1/alerts/policy", tenant, "admin", policy.ToJsonString())).Status);

        var alertId = await api.RaiseAsync("P1");

        // No endpoint is called from here on until the acknowledgement: the lifecycle's timers do the rest.
        var notified = await api.WaitForNotificationsAsync(alertId, items =>
            new[] { "created", "reminder", "escalated" }.All(e => Sent(items, e, "webhook") && Sent(items, e, "slack")), TimeSpan.FromSeconds(60));
        foreach (var item in notified.OrderBy(i => i!["created_at"]!.GetValue<string>()))
        {
            output.WriteLine($"{item!["created_at"]} {item["event_type"],-9} {item["channel_type"],-7} {item["status"]}");
        }

        var hooks = receiver.To("ops").Where(r => r.Accepted).ToList();
        var slack = receiver.To("slack").Where(r => r.Accepted).ToList();
        Assert.All(hooks, h => Assert.True(WebhookSignature.Verify(Secret, h.Body, h.Header(WebhookSignature.SignatureHeader)), "every webhook delivery is signed with the channel's secret"));
        Assert.All(slack, s => Assert.NotNull(s.Json["blocks"]));
        // One delivery per notification per channel: the receivers saw each idempotency key once.
        Assert.Equal(hooks.Count, hooks.Select(h => h.Header(WebhookSignature.IdempotencyHeader)).Distinct().Count());
        Assert.Equal(slack.Count, slack.Select(h => h.Header(WebhookSignature.IdempotencyHeader)).Distinct().Count());

        Assert.Equal(200, (await fixture.Http.SendAsync(HttpMethod.Post, $"api/v1/alerts/{alertId}/ack?org_id={tenant}", tenant, "member", """{"user_id":"dana"}""")).Status);
        // Let whatever was due before the acknowledgement finish, then nothing more may arrive.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var atAck = (receiver.Requests.Count, (await api.NotificationsAsync(alertId)).Count);
        await Task.Delay(TimeSpan.FromSeconds(8)); // more than two escalation periods and four reminder periods

        Assert.Equal(atAck, (receiver.Requests.Count, (await api.NotificationsAsync(alertId)).Count));
    }

    private static bool Sent(JsonArray items, string eventType, string channel) =>
        items.Any(i => i!["event_type"]!.GetValue<string>() == eventType && i["channel_type"]!.GetValue<string>() == channel && i["status"]!.GetValue<string>() == "sent");
}
