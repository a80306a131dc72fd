using System.Security.Cryptography;
using Autopilot.Core;
using Autopilot.Core.Alerts.Notifications;
using Autopilot.Core.Alerts.Notifications.Channels;
using Autopilot.Core.Alerts.Notifications.Delivery;
using Autopilot.Core.Connectors;
using Autopilot.Core.Storage;
using Autopilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Autopilot.Tests.Alerts.Notifications;

/// <summary>
/// <see cref="NotificationDelivery"/> on real Azurite and a loopback receiver: an attempt is claimed on the row before it is
/// sent, so two callers (the engine's retry and the retry route, or two replicas) never both send one attempt; a sent
/// notification is never sent again; a claim left by a crash is resumed by its owner and taken over by others only after
/// the lease.
/// </summary>
public sealed class NotificationDeliveryClaimTests : IAsyncLifetime
{
    private readonly AlertNotificationStore _store = new(new TableStorage(new StorageOptions { ConnectionString = TestEnvironment.StorageConnectionString, TablePrefix = TestEnvironment.NewHubName("ntfclaim") }));
    private readonly FakeTimeProvider _clock = new(TimeProvider.System.GetUtcNow());
    private readonly ServiceProvider _services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
    private NotificationReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await NotificationReceiver.StartAsync();

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task Two_callers_racing_for_one_attempt_send_it_once()
    {
        _receiver.Script("race", (200, TimeSpan.FromSeconds(1)));
        var row = await CreateAsync("race");
        var delivery = Delivery();

        var outcomes = await Task.WhenAll(
            delivery.AttemptAsync(row.TenantId, row.NotificationId, 0, "engine", CancellationToken.None),
            delivery.AttemptAsync(row.TenantId, row.NotificationId, 0, "route", CancellationToken.None));

        Assert.Single(_receiver.To("race"));
        Assert.Equal([false, true], outcomes.Select(o => o.Attempted).Order());
        Assert.Equal(NotificationStatuses.Sent, (await _store.GetAsync(row.TenantId, row.NotificationId, CancellationToken.None))!.Value.Notification.Status);
    }

    [Fact]
    public async Task A_sent_notification_is_not_sent_again_by_a_rerun_or_a_later_attempt()
    {
        var row = await CreateAsync("once");
        var delivery = Delivery();

        var first = await delivery.AttemptAsync(row.TenantId, row.NotificationId, 0, "engine", CancellationToken.None);
        var rerun = await delivery.AttemptAsync(row.TenantId, row.NotificationId, 0, "engine", CancellationToken.None);
        var later = await delivery.AttemptAsync(row.TenantId, row.NotificationId, 1, "route", CancellationToken.None);

        Assert.Single(_receiver.To("once"));
        Assert.Equal((true, true, false, false), (first.Done, first.Attempted, rerun.Attempted, later.Attempted));
    }

    [Fact]
    public async Task A_claim_left_by_a_crash_is_resumed_by_its_owner_at_once_and_by_another_only_after_the_lease()
    {
        var row = await CreateAsync("crash");
        var (stored, etag) = (await _store.GetAsync(row.TenantId, row.NotificationId, CancellationToken.None))!.Value;
        await _store.TryReplaceAsync(stored with { ClaimedAttempt = 0, ClaimOwner = "dead-engine", ClaimedAt = _clock.GetUtcNow() }, etag, CancellationToken.None);
        var delivery = Delivery();

        var other = await delivery.AttemptAsync(row.TenantId, row.NotificationId, 0, "route", CancellationToken.None);
        _clock.Advance(NotificationDelivery.ClaimLease + TimeSpan.FromSeconds(1));
        var afterLease = await delivery.AttemptAsync(row.TenantId, row.NotificationId, 0, "route", CancellationToken.None);

        Assert.Equal((false, false), (other.Attempted, other.Done));
        Assert.True(afterLease.Attempted);
        Assert.Single(_receiver.To("crash"));

        // The owner itself (an activity re-run after kill -9) resumes its claim without waiting.
        var second = await CreateAsync("resume");
        var (s2, e2) = (await _store.GetAsync(second.TenantId, second.NotificationId, CancellationToken.None))!.Value;
        await _store.TryReplaceAsync(s2 with { ClaimedAttempt = 0, ClaimOwner = "engine", ClaimedAt = _clock.GetUtcNow() }, e2, CancellationToken.None);
        Assert.True((await delivery.AttemptAsync(second.TenantId, second.NotificationId, 0, "engine", CancellationToken.None)).Attempted);
        Assert.Single(_receiver.To("resume"));
    }

    [Fact]
    public async Task Failures_follow_the_back_off_table_and_the_fourth_failure_gives_up()
    {
        _receiver.Script("down", Enumerable.Repeat((500, TimeSpan.Zero), NotificationBackoff.MaxRetries + 1).ToArray());
        var row = await CreateAsync("down");
        var delivery = Delivery();
        var minute = TimeSpan.FromSeconds(2);

        for (var attempt = 0; attempt <= NotificationBackoff.MaxRetries; attempt++)
        {
            var outcome = await delivery.AttemptAsync(row.TenantId, row.NotificationId, attempt, "engine", CancellationToken.None);
            var stored = (await _store.GetAsync(row.TenantId, row.NotificationId, CancellationToken.None))!.Value.Notification;
            var expected = attempt < NotificationBackoff.MaxRetries ? _clock.GetUtcNow() + (minute * NotificationBackoff.Minutes[attempt]) : (DateTimeOffset?)null;
            Assert.Equal((NotificationStatuses.Failed, attempt, expected, "receiver answered HTTP 500"), (stored.Status, stored.RetryCount, stored.NextRetryAt, stored.LastError));
            Assert.Equal(attempt == NotificationBackoff.MaxRetries, outcome.Done);
        }

        Assert.Equal(NotificationBackoff.MaxRetries + 1, _receiver.To("down").Count);
    }

    private NotificationDelivery Delivery()
    {
        var sender = new NotificationSender(new HttpChannelSender(_services.GetRequiredService<IHttpClientFactory>(), _clock), new EmailChannelSender(_clock, new TargetAddressGuard(new ServiceOptions { AllowPrivateNotificationTargets = true })));
        return new NotificationDelivery(_store, sender, new CredentialProtector(RandomNumberGenerator.GetBytes(32)), new ServiceOptions { AlertMinute = TimeSpan.FromSeconds(2) }, _clock, NullLogger<NotificationDelivery>.Instance);
    }

    private Task<AlertNotification> CreateAsync(string hook)
    {
        var tenant = NotificationApi.NewTenant("claim");
        var alertEvent = new AlertEvent(tenant, "alt_000000000001", AlertEventTypes.Created, "created-1");
        return _store.CreateIfAbsentAsync(new AlertNotification(AlertNotificationStore.IdFor(alertEvent, "ch_1", null), tenant, alertEvent.AlertId, "P1", alertEvent.EventType,
            alertEvent.EventKey, "ch_1", ChannelTypes.Slack, _receiver.Url(hook), null, new NotificationPayload("t", "m"), NotificationStatuses.Queued, 0, null, null, null,
            _clock.GetUtcNow(), null), CancellationToken.None);
    }
}
