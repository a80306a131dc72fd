using Autopilot.Core.Alerts.Notifications;
using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Alerts.Notifications;

/// <summary>
/// The explicit retry route (NTF-6) beside the engine's own scheduled retry: with a ten-second alert minute the test makes a
/// failed notification due early (as if its time had come) and calls the route; the engine's timer then finds that attempt
/// made and sends nothing more.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class NotificationRetryRouteTests : IAsyncLifetime
{
    private ServerProcess _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _server = new ServerProcess(TestEnvironment.NewHubName("ntfr"), SharedDemoWarehouse.Path, new Dictionary<string, string> { ["ALERT_MINUTE"] = "00:00:10", [Autopilot.Core.Alerts.Notifications.Channels.TargetAddressGuard.Setting] = "true" });
        await _server.StartAsync();
        _http = _server.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task The_retry_route_retries_a_due_failed_notification_once_and_the_engines_own_retry_of_it_sends_nothing_more()
    {
        await using var receiver = await NotificationReceiver.StartAsync();
        receiver.Script("hook", (500, TimeSpan.Zero));
        var api = new NotificationApi(_http, NotificationApi.NewTenant("ntfroute"));
        await api.SetRoutingAsync([NotificationApi.Channel("webhook", receiver.Url("hook"), "whsec-0123456789abcdef")]);
        var alertId = await api.RaiseAsync("P1");
        var failed = await api.WaitForNotificationsAsync(alertId, i => NotificationApi.All(i, "failed", 1), TimeSpan.FromSeconds(30));
        var id = failed[0]!["notification_id"]!.GetValue<string>();
        var before = await api.MetricsAsync();

        await MakeDueNowAsync(api.Tenant, id);
        var retried = await api.RetryAsync();
        var again = await api.RetryAsync();
        // The engine's own retry was scheduled 1 alert-minute (10 s) after the failure: let it come and go.
        await Task.Delay(TimeSpan.FromSeconds(14));
        var after = await api.NotificationsAsync(alertId);
        var metrics = await api.MetricsAsync();

        Assert.Equal(("receiver answered HTTP 500", 0), (failed[0]!["last_error"]!.GetValue<string>(), failed[0]!["retry_count"]!.GetValue<int>()));
        Assert.Equal((1, 0, 1, 1), (before["total"]!.GetValue<int>(), before["sent"]!.GetValue<int>(), before["failed"]!.GetValue<int>(), before["retry_backlog"]!.GetValue<int>()));
        Assert.Equal((1, id), (retried["retried"]!.GetValue<int>(), retried["notification_ids"]![0]!.GetValue<string>()));
        Assert.Equal(0, again["retried"]!.GetValue<int>());
        Assert.Equal([500, 200], receiver.To("hook").Select(r => r.Status));
        Assert.Equal(("sent", 1), (after[0]!["status"]!.GetValue<string>(), after[0]!["retry_count"]!.GetValue<int>()));
        Assert.Equal((1, 1, 0, 0, 0, 100.0), (metrics["total"]!.GetValue<int>(), metrics["sent"]!.GetValue<int>(), metrics["failed"]!.GetValue<int>(),
            metrics["queued"]!.GetValue<int>(), metrics["retry_backlog"]!.GetValue<int>(), metrics["success_rate_pct"]!.GetValue<double>()));
    }

    [Fact]
    public async Task A_flaky_target_fails_first_then_the_retry_route_sends_it_and_metrics_count_it_sent()
    {
        // NTF-9's pinned retry case.
        var api = new NotificationApi(_http, NotificationApi.NewTenant("ntfflaky"));
        await api.SetRoutingAsync([NotificationApi.Channel("slack", "flaky://slack")]);
        var alertId = await api.RaiseAsync("P1");
        var failed = await api.WaitForNotificationsAsync(alertId, i => NotificationApi.All(i, "failed", 1), TimeSpan.FromSeconds(30));

        await MakeDueNowAsync(api.Tenant, failed[0]!["notification_id"]!.GetValue<string>());
        var retried = await api.RetryAsync();
        var metrics = await api.MetricsAsync();

        Assert.Equal("simulated transient delivery failure", failed[0]!["last_error"]!.GetValue<string>());
        Assert.True(retried["retried"]!.GetValue<int>() >= 1);
        Assert.True(metrics["sent"]!.GetValue<int>() >= 1);
    }

    /// <summary>Moves the notification's retry time into the past, as the passing of its back-off would.</summary>
    private async Task MakeDueNowAsync(string tenant, string notificationId)
    {
        var store = new AlertNotificationStore(new StorageFactory(_server.TaskHub).Tables);
        var (row, etag) = (await store.GetAsync(tenant, notificationId, CancellationToken.None))!.Value;
        Assert.True((await store.TryReplaceAsync(row with { NextRetryAt = TimeProvider.System.GetUtcNow().AddSeconds(-1) }, etag, CancellationToken.None)).Replaced);
    }
}
