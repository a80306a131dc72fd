using System.Text.Json.Nodes;
using Autopilot.Core.Alerts;
using Autopilot.Core.Alerts.Notifications.Channels;
using Autopilot.Core.Alerts.Notifications.Delivery;
using Autopilot.Core.Tenants;
using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Alerts.Notifications;

/// <summary>
/// Real delivery from a server process to receivers in the test (HTTP over loopback, an SMTP sink), with the alert minute
/// at one second so NTF-6's back-off runs for real: payload shapes, signatures, retries after 500s, timeouts, giving up.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class NotificationDeliveryTests(NotificationServerFixture fixture) : IClassFixture<NotificationServerFixture>
{
    private const string Secret = "whsec-0123456789abcdef";

    [Fact]
    public async Task Each_channel_type_gets_its_own_payload_shape_webhooks_are_signed_and_email_reaches_the_smtp_server_with_its_credentials()
    {
        await using var receiver = await NotificationReceiver.StartAsync();
        await using var smtp = new SmtpSink();
        var api = new NotificationApi(fixture.Http, NotificationApi.NewTenant("ntfshape"));
        var smtpUrl = $"smtp://alerts:p%40ss-w0rd@127.0.0.1:{smtp.Port}?from=autopilot@example.com&to=ops@example.com";
        var routing = await api.SetRoutingAsync(
        [
            NotificationApi.Channel("webhook", receiver.Url("generic"), Secret),
            NotificationApi.Channel("slack", receiver.Url("slack")),
            NotificationApi.Channel("teams", receiver.Url("teams")),
            NotificationApi.Channel("email", smtpUrl),
        ]);
        var alertId = await api.RaiseAsync("P1", title: "Orders late", message: "orders is 9 h old");

        var items = await api.WaitForNotificationsAsync(alertId, i => NotificationApi.All(i, "sent", 4), TimeSpan.FromSeconds(60));
        var mail = Assert.Single(await smtp.WaitForAsync(1, TimeSpan.FromSeconds(5)));
        var generic = Assert.Single(receiver.To("generic"));
        var slack = Assert.Single(receiver.To("slack")).Json;
        var teams = Assert.Single(receiver.To("teams")).Json;
        var idOf = items.ToDictionary(i => i!["channel_type"]!.GetValue<string>(), i => i!["notification_id"]!.GetValue<string>());

        // Generic webhook: the facts, signed over the exact bytes with the channel's secret, keyed by the notification id.
        Assert.Equal((alertId, "P1", "created", "Orders late", "orders is 9 h old", api.Tenant),
            (generic.Json["alert_id"]!.GetValue<string>(), generic.Json["severity"]!.GetValue<string>(), generic.Json["event_type"]!.GetValue<string>(),
             generic.Json["title"]!.GetValue<string>(), generic.Json["message"]!.GetValue<string>(), generic.Json["org_id"]!.GetValue<string>()));
        Assert.True(WebhookSignature.Verify(Secret, generic.Body, generic.Header(WebhookSignature.SignatureHeader)), "the signature verifies with the channel's secret");
        Assert.False(WebhookSignature.Verify(Secret + "x", generic.Body, generic.Header(WebhookSignature.SignatureHeader)), "and not with another secret");
        Assert.Equal(idOf["webhook"], generic.Header(WebhookSignature.IdempotencyHeader));
        Assert.InRange(long.Parse(generic.Header(WebhookSignature.TimestampHeader)!, System.Globalization.CultureInfo.InvariantCulture),
            TimeProvider.System.GetUtcNow().AddMinutes(-2).ToUnixTimeSeconds(), TimeProvider.System.GetUtcNow().ToUnixTimeSeconds());

        // Slack incoming webhook: fallback text and Block Kit blocks; no signature (Slack has no such header).
        Assert.Equal("[P1] Orders late", slack["text"]!.GetValue<string>());
        Assert.Equal(["header", "section", "context"], slack["blocks"]!.AsArray().Select(b => b!["type"]!.GetValue<string>()));
        Assert.Equal("orders is 9 h old", slack["blocks"]![1]!["text"]!["text"]!.GetValue<string>());
        Assert.Null(receiver.To("slack")[0].Header(WebhookSignature.SignatureHeader));

        // Teams incoming webhook: a message with one Adaptive Card.
        var attachment = Assert.Single(teams["attachments"]!.AsArray())!;
        Assert.Equal(("message", "application/vnd.microsoft.card.adaptive", "AdaptiveCard"),
            (teams["type"]!.GetValue<string>(), attachment["contentType"]!.GetValue<string>(), attachment["content"]!["type"]!.GetValue<string>()));
        Assert.Contains(attachment["content"]!["body"]!.AsArray(), b => b!["text"]?.GetValue<string>() == "orders is 9 h old");

        // E-mail: authenticated with the URL's user and (decoded) password, to the target's address.
        Assert.Equal(("autopilot@example.com", "ops@example.com", "alerts", "p@ss-w0rd"), (mail.From, Assert.Single(mail.To), mail.User, mail.Password));
        Assert.Contains("Subject: [P1] Orders late", mail.Data, StringComparison.Ordinal);
        Assert.Contains(idOf["email"], mail.Data, StringComparison.Ordinal);

        // Neither the secret nor the password is ever shown; the password is masked, the secret is a flag.
        var shown = routing.ToJsonString() + (await fixture.Http.SendAsync(HttpMethod.Get, $"api/v1/alerts/routing?org_id={api.Tenant}", api.Tenant, "member")).Body!.ToJsonString() + items.ToJsonString();
        Assert.DoesNotContain(Secret, shown, StringComparison.Ordinal);
        Assert.DoesNotContain("w0rd", shown, StringComparison.Ordinal);
        Assert.Contains(":***@127.0.0.1", items.Single(i => i!["channel_type"]!.GetValue<string>() == "email")!["channel_target"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal([true, false, false, false], routing["routing"]!["channels"]!.AsArray().Select(c => c!["has_secret"]!.GetValue<bool>()));

        // Stored protected: the tenant's settings row holds neither in plaintext.
        var stored = await new TenantSettingsStore(new StorageFactory(fixture.Server.TaskHub).Tables).GetAsync<JsonNode>(api.Tenant, "notification_routing", CancellationToken.None);
        Assert.DoesNotContain(Secret, stored!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("w0rd", stored.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_receiver_answering_500_twice_is_retried_after_one_then_four_alert_minutes_with_one_idempotency_key_and_the_row_ends_sent()
    {
        await using var receiver = await NotificationReceiver.StartAsync();
        receiver.Script("flaky", (500, TimeSpan.Zero), (503, TimeSpan.Zero));
        var api = new NotificationApi(fixture.Http, NotificationApi.NewTenant("ntfretry"));
        await api.SetRoutingAsync([NotificationApi.Channel("webhook", receiver.Url("flaky"), Secret)]);
        var alertId = await api.RaiseAsync("P2");

        var items = await api.WaitForNotificationsAsync(alertId, i => NotificationApi.All(i, "sent", 1), TimeSpan.FromSeconds(60));
        var requests = receiver.To("flaky");

        Assert.Equal([500, 503, 200], requests.Select(r => r.Status));
        Assert.Single(requests.Select(r => r.Header(WebhookSignature.IdempotencyHeader)).Distinct());
        var (firstGap, secondGap) = ((requests[1].At - requests[0].At).TotalSeconds, (requests[2].At - requests[1].At).TotalSeconds);
        // One, then four alert-minutes (1 s here); durable timers may fire up to ~1 s early, queues add some latency.
        Assert.InRange(firstGap, 0.0, 3.5);
        Assert.InRange(secondGap, 2.9, 8.0);
        Assert.True(secondGap > firstGap, $"the second wait ({secondGap:F1} s) is longer than the first ({firstGap:F1} s)");
        var row = items[0]!;
        Assert.Equal(("sent", 2), (row["status"]!.GetValue<string>(), row["retry_count"]!.GetValue<int>()));
        Assert.Null(row["next_retry_at"]);
        Assert.Null(row["last_error"]);
        Assert.NotNull(row["sent_at"]);
    }

    [Fact]
    public async Task A_receiver_that_does_not_answer_within_ten_seconds_is_abandoned_and_retried()
    {
        await using var receiver = await NotificationReceiver.StartAsync();
        receiver.Script("slow", (200, TimeSpan.FromSeconds(30)));
        var api = new NotificationApi(fixture.Http, NotificationApi.NewTenant("ntfslow"));
        await api.SetRoutingAsync([NotificationApi.Channel("slack", receiver.Url("slow"))]);
        var alertId = await api.RaiseAsync("P2");

        var items = await api.WaitForNotificationsAsync(alertId, i => NotificationApi.All(i, "sent", 1), TimeSpan.FromSeconds(60));
        var requests = receiver.To("slow").OrderBy(r => r.At).ToList();

        Assert.Equal(2, requests.Count);
        Assert.False(requests[0].Completed, "the sender hung up on the slow answer");
        Assert.InRange((requests[1].At - requests[0].At).TotalSeconds, 9.5, 20);
        Assert.Equal(1, items[0]!["retry_count"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_P0_alert_whose_every_notification_fails_gives_up_after_three_retries_and_raises_one_P0_meta_alert_that_notifies_nobody()
    {
        await using var receiver = await NotificationReceiver.StartAsync();
        receiver.Script("down", Enumerable.Repeat((500, TimeSpan.Zero), 10).ToArray());
        var api = new NotificationApi(fixture.Http, NotificationApi.NewTenant("ntfgive"));
        await api.SetRoutingAsync([NotificationApi.Channel("webhook", receiver.Url("down"), Secret), NotificationApi.Channel("teams", "fail://nowhere")]);
        var alertId = await api.RaiseAsync("P0", key: "db_down", title: "Warehouse down");

        var items = await api.WaitForNotificationsAsync(alertId, i => i.Count == 2 && i.All(n => n!["status"]!.GetValue<string>() == "failed" && n["next_retry_at"] is null),
            TimeSpan.FromSeconds(90));
        var meta = await WaitForMetaAlertAsync(api.Tenant, alertId, TimeSpan.FromSeconds(30));

        Assert.All(items, n => Assert.Equal(3, n!["retry_count"]!.GetValue<int>()));
        Assert.Equal(4, receiver.To("down").Count);
        Assert.Contains(items, n => n!["last_error"]!.GetValue<string>() == "receiver answered HTTP 500");
        Assert.Contains(items, n => n!["last_error"]!.GetValue<string>() == "simulated delivery failure");
        Assert.Equal(("P0", DeliveryFailureAlert.SourceType, DeliveryFailureAlert.DedupeKey(alertId)), (meta.Severity, meta.SourceType, meta.DedupeKey));
        // Raised through the sink (AUTO-4): no notification at creation, so no loop of failures announcing failures.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Empty(await api.NotificationsAsync(meta.AlertId));
        Assert.Equal(2, (await api.NotificationsAsync()).Count);
    }

    [Fact]
    public async Task Routing_with_email_for_P0_P1_and_slack_for_all_and_a_P1_recipient_yields_two_created_notifications_for_a_P1_alert_and_one_for_a_P2()
    {
        // NTF-9's pinned fan-out, with real channels: the recipient is an address, so the mail goes to it.
        await using var receiver = await NotificationReceiver.StartAsync();
        await using var smtp = new SmtpSink();
        var api = new NotificationApi(fixture.Http, NotificationApi.NewTenant("ntfnine"));
        await api.SetRoutingAsync(
            [NotificationApi.Channel("email", $"smtp://127.0.0.1:{smtp.Port}?from=a@example.com&to=team@example.com", null, "P0", "P1"), NotificationApi.Channel("slack", receiver.Url("all"))],
            new JsonObject { ["P1"] = new JsonArray("oncall@example.com") });

        var p1 = await api.RaiseAsync("P1", key: "p1");
        var p2 = await api.RaiseAsync("P2", key: "p2");
        var forP1 = await api.WaitForNotificationsAsync(p1, i => NotificationApi.All(i, "sent", 2), TimeSpan.FromSeconds(60));
        var forP2 = await api.WaitForNotificationsAsync(p2, i => NotificationApi.All(i, "sent", 1), TimeSpan.FromSeconds(60));

        Assert.Equal(["email", "slack"], forP1.Select(n => n!["channel_type"]!.GetValue<string>()).Order());
        Assert.All(forP1, n => Assert.Equal(("created", "oncall@example.com"), (n!["event_type"]!.GetValue<string>(), n["recipient"]!.GetValue<string>())));
        Assert.Equal(("slack", null), (forP2[0]!["channel_type"]!.GetValue<string>(), forP2[0]!["recipient"]?.GetValue<string>()));
        Assert.Equal("oncall@example.com", Assert.Single(Assert.Single(smtp.Mails).To));
    }

    private async Task<Alert> WaitForMetaAlertAsync(string tenant, string alertId, TimeSpan timeout)
    {
        var storage = new StorageFactory(fixture.Server.TaskHub).Tables;
        var alerts = new AlertStore(storage, new TenantSettingsStore(storage), TimeProvider.System);
        var deadline = TimeProvider.System.GetUtcNow() + timeout;
        while (true)
        {
            var metas = (await alerts.ListAsync(tenant, null, CancellationToken.None)).Where(a => a.SourceType == DeliveryFailureAlert.SourceType).ToList();
            if (metas.Count > 0)
            {
                return Assert.Single(metas, a => a.SourceId == alertId);
            }

            Assert.True(TimeProvider.System.GetUtcNow() < deadline, "no meta-alert was raised");
            await Task.Delay(200);
        }
    }
}
