using System.Text.Json.Nodes;
using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Alerts.Notifications;

/// <summary>
/// Route #36: newest first, paged with <c>limit</c>/<c>cursor</c>, optionally one alert's; bad paging is a 422. On the
/// default server, whose notification targets may not be private addresses, the receivers on loopback are refused.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class NotificationListTests(ServerFixture fixture)
{
    [Fact]
    public async Task Notifications_walk_newest_first_each_exactly_once_and_the_alert_filter_keeps_only_that_alerts()
    {
        await using var receiver = await NotificationReceiver.StartAsync();
        var api = new NotificationApi(fixture.Http, NotificationApi.NewTenant("ntflist"));
        await api.SetRoutingAsync([NotificationApi.Channel("slack", receiver.Url("a")), NotificationApi.Channel("teams", receiver.Url("b"))]);
        var alerts = new List<string>();
        foreach (var key in new[] { "k1", "k2", "k3" })
        {
            alerts.Add(await api.RaiseAsync("P2", key: key));
            await api.WaitForNotificationsAsync(alerts[^1], i => NotificationApi.All(i, "failed", 2), TimeSpan.FromSeconds(60));
        }

        var seen = new List<JsonNode>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var (status, page) = await fixture.Http.SendAsync(HttpMethod.Get, $"api/v1/alerts/notifications?org_id={api.Tenant}&limit=4" + (cursor is null ? "" : "&cursor=" + cursor), api.Tenant, "member");
            Assert.Equal(200, status);
            seen.AddRange(page!["items"]!.AsArray().Select(i => i!));
            cursor = page["next_cursor"]?.GetValue<string>();
            pages++;
        }
        while (cursor is not null);
        var forSecond = await api.NotificationsAsync(alerts[1]);
        var (badLimit, _) = await fixture.Http.SendAsync(HttpMethod.Get, $"api/v1/alerts/notifications?org_id={api.Tenant}&limit=0", api.Tenant, "member");

        Assert.Equal(6, seen.Select(i => i["notification_id"]!.GetValue<string>()).Distinct().Count());
        Assert.Equal(6, seen.Count);
        Assert.True(pages >= 2);
        Assert.Equal([alerts[2], alerts[2], alerts[1], alerts[1], alerts[0], alerts[0]], seen.Select(i => i["alert_id"]!.GetValue<string>()));
        Assert.Equal([alerts[1], alerts[1]], forSecond.Select(i => i!["alert_id"]!.GetValue<string>()));
        Assert.Equal(422, badLimit);

        // NOTIFY_ALLOW_PRIVATE_TARGETS is off by default: a tenant's target cannot make the service call its own network.
        Assert.All(seen, i => Assert.Equal(Autopilot.Core.Alerts.Notifications.Channels.TargetAddressGuard.RefusedMessage, i["last_error"]!.GetValue<string>()));
        Assert.Empty(receiver.To("a").Concat(receiver.To("b")));
    }
}
