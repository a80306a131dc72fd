using Autopilot.Core.Alerts.Notifications.Routing;
using Microsoft.DurableTask;

namespace Autopilot.Core.Alerts.Notifications.Delivery;

/// <summary>
/// NTF-3: creates the notifications of one alert event — one per (enabled channel including the severity, recipient of
/// the severity or none) — as <c>queued</c>. Ids are derived from the event, so a re-run creates nothing twice.
/// </summary>
public sealed class FanOutNotificationsActivity : TaskActivity<AlertEvent, FanOutResult>
{
    private readonly AlertStore _alerts;
    private readonly RoutingStore _routing;
    private readonly AlertNotificationStore _notifications;
    private readonly TimeProvider _time;

    public FanOutNotificationsActivity(AlertStore alerts, RoutingStore routing, AlertNotificationStore notifications, TimeProvider time)
    {
        _alerts = alerts;
        _routing = routing;
        _notifications = notifications;
        _time = time;
    }

    public override async Task<FanOutResult> RunAsync(TaskActivityContext context, AlertEvent input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var alert = await _alerts.GetAsync(input.TenantId, input.AlertId, CancellationToken.None);
        if (alert is null)
        {
            return new FanOutResult([], "P3", "missing");
        }

        var routing = await _routing.GetAsync(input.TenantId, CancellationToken.None);
        var now = _time.GetUtcNow();
        var ids = new List<string>();
        foreach (var (channel, recipient) in routing.FanOut(alert.Severity))
        {
            var notification = new AlertNotification(
                AlertNotificationStore.IdFor(input, channel.ChannelId, recipient), input.TenantId, alert.AlertId, alert.Severity, input.EventType, input.EventKey,
                channel.ChannelId, channel.Type, channel.Target, recipient, new NotificationPayload(alert.Title, alert.Message),
                NotificationStatuses.Queued, 0, null, null, null, now, channel.ProtectedCredential);
            ids.Add((await _notifications.CreateIfAbsentAsync(notification, CancellationToken.None)).NotificationId);
        }

        return new FanOutResult(ids, alert.Severity, alert.SourceType);
    }
}
