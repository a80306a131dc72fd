using Autopilot.Core.Alerts;
using Autopilot.Core.Alerts.Notifications;
using Autopilot.Core.Alerts.Notifications.Channels;
using Autopilot.Core.Alerts.Notifications.Routing;

namespace Autopilot.Tests.Alerts.Notifications;

/// <summary>The pure rules: fan-out (NTF-3) per severity, derived ids, the back-off table (NTF-6), the test targets (NTF-5).</summary>
public sealed class NotificationRulesTests
{
    public static TheoryData<string> Severities() => [.. AlertPolicy.Severities];

    [Theory]
    [MemberData(nameof(Severities))]
    public void Fan_out_goes_to_enabled_channels_of_the_severity_once_per_recipient_or_once_without(string severity)
    {
        var others = AlertPolicy.Severities.Where(s => s != severity).ToList();
        var routing = new NotificationRouting(
        [
            new RoutingChannel("ch_all", ChannelTypes.Slack, "fail://a", true, AlertPolicy.Severities),
            new RoutingChannel("ch_off", ChannelTypes.Slack, "fail://b", false, AlertPolicy.Severities),
            new RoutingChannel("ch_other", ChannelTypes.Slack, "fail://c", true, others),
            new RoutingChannel("ch_this", ChannelTypes.Email, "fail://d", true, [severity]),
        ], NotificationRouting.EmptyRecipients(), 30);
        var withRecipients = routing with
        {
            EscalationRecipients = AlertPolicy.Severities.ToDictionary(s => s, s => (IReadOnlyList<string>)(s == severity ? ["ann", "bo"] : ["zed"]), StringComparer.Ordinal),
        };

        Assert.Equal([("ch_all", null), ("ch_this", null)], routing.FanOut(severity).Select(p => (p.Channel.ChannelId, p.Recipient)));
        Assert.Equal([("ch_all", "ann"), ("ch_all", "bo"), ("ch_this", "ann"), ("ch_this", "bo")], withRecipients.FanOut(severity).Select(p => (p.Channel.ChannelId, p.Recipient)));
    }

    [Fact]
    public void A_notification_id_is_the_same_for_one_alert_event_channel_and_recipient_and_differs_if_any_differs()
    {
        var e = new AlertEvent("org_a", "alt_1", AlertEventTypes.Created, "created-1");
        var id = AlertNotificationStore.IdFor(e, "ch_1", "ann");

        Assert.Matches("^ntf_[0-9a-f]{12}$", id);
        Assert.Equal(id, AlertNotificationStore.IdFor(e with { }, "ch_1", "ann"));
        Assert.Equal(6, new[]
        {
            id, AlertNotificationStore.IdFor(e with { EventKey = "created-2" }, "ch_1", "ann"), AlertNotificationStore.IdFor(e with { AlertId = "alt_2" }, "ch_1", "ann"),
            AlertNotificationStore.IdFor(e, "ch_2", "ann"), AlertNotificationStore.IdFor(e, "ch_1", null), AlertNotificationStore.IdFor(e with { TenantId = "org_b" }, "ch_1", "ann"),
        }.Distinct().Count());
    }

    [Fact]
    public void The_back_off_is_one_four_sixteen_alert_minutes_then_none()
    {
        var at = new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
        var minute = TimeSpan.FromSeconds(3);

        var waits = Enumerable.Range(0, NotificationBackoff.MaxRetries + 1).Select(a => NotificationBackoff.NextRetryAt(a, at, minute) - at).ToList();

        Assert.Equal([minute, minute * 4, minute * 16, null], waits);
    }

    [Theory]
    [InlineData("fail://x", TestTarget.Fail)]
    [InlineData("  FAIL://x", TestTarget.Fail)]
    [InlineData("Flaky://x ", TestTarget.Flaky)]
    [InlineData("https://fail.example.com", TestTarget.None)]
    public void Test_targets_are_recognised_trimmed_and_case_insensitive(string target, TestTarget expected) => Assert.Equal(expected, TestTargets.Of(target));
}
