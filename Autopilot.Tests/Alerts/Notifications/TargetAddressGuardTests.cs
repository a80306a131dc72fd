using System.Net;
using Autopilot.Core;
using Autopilot.Core.Alerts.Notifications;
using Autopilot.Core.Alerts.Notifications.Channels;
using Microsoft.Extensions.DependencyInjection;

namespace Autopilot.Tests.Alerts.Notifications;

/// <summary>
/// A tenant's notification target cannot make the service call its own network (SSRF): by default the webhook client and
/// the SMTP sender connect only to public addresses, judged on what DNS gives at connect time; the operator's
/// NOTIFY_ALLOW_PRIVATE_TARGETS lets them reach private ones. Sends go over real loopback sockets to real receivers.
/// </summary>
public sealed class TargetAddressGuardTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.255.0.9")]
    [InlineData("0.0.0.0")]
    [InlineData("10.1.2.3")]
    [InlineData("100.64.0.1")]
    [InlineData("169.254.169.254")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.0.0.8")]
    [InlineData("192.0.2.1")]
    [InlineData("192.168.1.1")]
    [InlineData("198.18.0.1")]
    [InlineData("198.51.100.7")]
    [InlineData("203.0.113.5")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("::127.0.0.1")]
    [InlineData("fe80::1")]
    [InlineData("fec0::1")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("ff02::1")]
    [InlineData("2001:db8::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    [InlineData("2002:a9fe:a9fe::1")]
    public void Private_loopback_link_local_and_reserved_addresses_are_not_public(string address) =>
        Assert.False(TargetAddressGuard.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("1.1.1.1")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("169.255.0.1")]
    [InlineData("192.169.0.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")]
    public void Public_unicast_addresses_are_public(string address) =>
        Assert.True(TargetAddressGuard.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task By_default_a_webhook_on_a_private_address_is_refused_before_any_byte_is_sent(string host)
    {
        await using var receiver = await NotificationReceiver.StartAsync();
        await using var services = Services(allowPrivate: false);
        var target = new UriBuilder(receiver.Url("hook")) { Host = host }.Uri.AbsoluteUri;

        var attempt = await services.GetRequiredService<HttpChannelSender>().SendAsync(Notification(ChannelTypes.Webhook, target), "0123456789abcdef", CancellationToken.None);

        Assert.Equal(DeliveryAttempt.Failure(TargetAddressGuard.RefusedMessage), attempt);
        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public async Task With_private_targets_allowed_the_same_webhook_is_delivered()
    {
        await using var receiver = await NotificationReceiver.StartAsync();
        await using var services = Services(allowPrivate: true);

        var attempt = await services.GetRequiredService<HttpChannelSender>().SendAsync(Notification(ChannelTypes.Webhook, receiver.Url("hook")), "0123456789abcdef", CancellationToken.None);

        Assert.Equal(DeliveryAttempt.Success, attempt);
        Assert.Single(receiver.To("hook"));
    }

    [Fact]
    public async Task By_default_an_smtp_server_on_a_private_address_is_refused_and_allowed_it_gets_the_mail()
    {
        await using var smtp = new SmtpSink();
        var target = $"smtp://127.0.0.1:{smtp.Port}?from=autopilot@example.com&to=ops@example.com";
        await using var refusing = Services(allowPrivate: false);
        await using var allowing = Services(allowPrivate: true);

        var refused = await refusing.GetRequiredService<EmailChannelSender>().SendAsync(Notification(ChannelTypes.Email, target), null, CancellationToken.None);
        var sent = await allowing.GetRequiredService<EmailChannelSender>().SendAsync(Notification(ChannelTypes.Email, target), null, CancellationToken.None);

        Assert.Equal(DeliveryAttempt.Failure(TargetAddressGuard.RefusedMessage), refused);
        Assert.Equal(DeliveryAttempt.Success, sent);
        Assert.Single(await smtp.WaitForAsync(1, TimeSpan.FromSeconds(5)));
    }

    /// <summary>The service's own registrations (<see cref="NotificationServiceCollectionExtensions.AddAlertNotifications"/>).</summary>
    private static ServiceProvider Services(bool allowPrivate) =>
        new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddSingleton(new ServiceOptions { AllowPrivateNotificationTargets = allowPrivate })
            .AddAlertNotifications()
            .BuildServiceProvider();

    private static AlertNotification Notification(string channelType, string target) =>
        new("ntf_guard", "org_guard", "alt_000000000001", "P1", AlertEventTypes.Created, "created-1", "ch_1", channelType, target, null,
            new NotificationPayload("Revenue dropped", "Revenue is 40% below last week."), NotificationStatuses.Queued, 0, null, null, null,
            TimeProvider.System.GetUtcNow(), null);
}
