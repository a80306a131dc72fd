using System.Globalization;
using Autopilot.Core.Alerts.Notifications;

namespace Autopilot.Core.Alerts.Lifecycle;

/// <summary>
/// The next thing due for an alert: an escalation or an acknowledgement reminder (<see cref="AlertEventTypes"/>) at
/// <paramref name="At"/>. The due time names the occurrence, so the lifecycle's timer and the explicit routes announce
/// it under one event key and therefore once.
/// </summary>
public sealed record AlertDue(string EventType, DateTimeOffset At)
{
    /// <summary>The announcement of this occurrence: its event key is the type and the due time to the millisecond (UTC).</summary>
    public AlertEvent ToEvent(string tenantId, string alertId) =>
        new(tenantId, alertId, EventType, EventType + "-" + At.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture));
}
