using System.Text.Json;
using System.Text.Json.Nodes;

namespace Autopilot.Core.Alerts.Lifecycle;

/// <summary>
/// NTF-1's <c>ack_reminder_minutes</c> (default 30), read from the tenant's notification routing setting: how long an
/// unacknowledged alert goes without a notification before it is reminded.
/// </summary>
public static class AckReminder
{
    /// <summary>The tenant setting that holds the routing (NTF-1); the routing routes write it.</summary>
    public const string RoutingSettingName = Notifications.Routing.NotificationRouting.SettingName;

    public const int DefaultMinutes = Notifications.Routing.NotificationRouting.DefaultAckReminderMinutes;

    /// <summary>The stored minutes when they are a whole number of at least 1 (NTF-2 stores max(1, n)); else the default.</summary>
    public static int MinutesOf(JsonObject? routing) =>
        routing?["ack_reminder_minutes"] is JsonValue value && value.GetValueKind() == JsonValueKind.Number
        && value.TryGetValue<int>(out var minutes) && minutes >= 1
            ? minutes
            : DefaultMinutes;
}
