using System.Text.Json.Nodes;
using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Alerts.Notifications;

/// <summary>
/// The alert and notification calls the delivery tests make, as a tenant's admin or member. <paramref name="quiet"/>
/// (the default) keeps the alert lifecycle out of a delivery test: the longest escalation policy and reminder period, so
/// the only notifications are the ones the test makes.
/// </summary>
public sealed class NotificationApi(HttpClient http, string tenant, bool quiet = true)
{
    public string Tenant => tenant;

    public static string NewTenant(string purpose) => $"org_{purpose}{Guid.NewGuid():N}"[..20];

    public async Task<JsonNode> SetRoutingAsync(JsonArray channels, JsonObject? recipients = null)
    {
        var body = new JsonObject
        {
            ["org_id"] = tenant,
            ["routing"] = new JsonObject { ["channels"] = channels, ["escalation_recipients"] = recipients ?? new JsonObject() },
        };
        if (quiet)
        {
            body["routing"]!["ack_reminder_minutes"] = Autopilot.Core.Alerts.Notifications.Routing.RoutingWriteParser.MaxAckReminderMinutes;
        }

        var (status, answer) = await http.SendAsync(HttpMethod.Post, "api/v1/alerts/routing", tenant, "admin", body.ToJsonString());
        Assert.True(status == 200, $"routing write answered {status}: {answer?.ToJsonString()}");
        return answer!;
    }

    public async Task<string> RaiseAsync(string severity, string key = "orders_late", string title = "Orders late", string message = "orders is 9 h old")
    {
        if (quiet)
        {
            var policy = new JsonObject { ["org_id"] = tenant, ["policy"] = new JsonObject { [severity] = Autopilot.Core.Alerts.AlertPolicy.MaxMinutes } };
            Assert.Equal(200, (await http.SendAsync(HttpMethod.Post, "api/v1/alerts/policy", tenant, "admin", policy.ToJsonString())).Status);
        }

        var body = new JsonObject { ["org_id"] = tenant, ["dedupe_key"] = key, ["title"] = title, ["message"] = message, ["severity"] = severity };
        var (status, answer) = await http.SendAsync(HttpMethod.Post, "api/v1/alerts", tenant, "member", body.ToJsonString());
        Assert.Equal(200, status);
        return answer!["alert_id"]!.GetValue<string>();
    }

    public async Task<JsonArray> NotificationsAsync(string? alertId = null)
    {
        var (status, answer) = await http.SendAsync(HttpMethod.Get, $"api/v1/alerts/notifications?org_id={tenant}&limit=200" + (alertId is null ? "" : "&alert_id=" + alertId), tenant, "member");
        Assert.Equal(200, status);
        return answer!["items"]!.AsArray();
    }

    /// <summary>Polls the alert's notifications until <paramref name="done"/> holds for the list.</summary>
    public async Task<JsonArray> WaitForNotificationsAsync(string alertId, Func<JsonArray, bool> done, TimeSpan timeout)
    {
        var deadline = TimeProvider.System.GetUtcNow() + timeout;
        while (true)
        {
            var items = await NotificationsAsync(alertId);
            if (done(items))
            {
                return items;
            }

            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                throw new TimeoutException("notifications never reached the expected state: " + items.ToJsonString());
            }

            await Task.Delay(200);
        }
    }

    public async Task<JsonNode> MetricsAsync()
    {
        var (status, answer) = await http.SendAsync(HttpMethod.Get, $"api/v1/alerts/notifications/metrics?org_id={tenant}", tenant, "member");
        Assert.Equal(200, status);
        return answer!;
    }

    public async Task<JsonNode> RetryAsync()
    {
        var (status, answer) = await http.SendAsync(HttpMethod.Post, $"api/v1/alerts/notifications/retry?org_id={tenant}", tenant, "member");
        Assert.Equal(200, status);
        return answer!;
    }

    public static bool All(JsonArray items, string status, int count) =>
        items.Count == count && items.All(i => i!["status"]!.GetValue<string>() == status);

    public static JsonObject Channel(string type, string target, string? secret = null, params string[] severities)
    {
        var channel = new JsonObject { ["type"] = type, ["target"] = target };
        if (secret is not null)
        {
            channel["secret"] = secret;
        }

        if (severities.Length > 0)
        {
            channel["severities"] = new JsonArray(severities.Select(s => (JsonNode)JsonValue.Create(s)!).ToArray());
        }

        return channel;
    }
}
