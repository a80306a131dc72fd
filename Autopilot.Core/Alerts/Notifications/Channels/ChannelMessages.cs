using System.Text.Json.Nodes;
using Autopilot.Core.Storage;

namespace Autopilot.Core.Alerts.Notifications.Channels;

/// <summary>The body each channel type receives for a notification.</summary>
public static class ChannelMessages
{
    /// <summary>Generic webhook JSON: the notification's facts, flat.</summary>
    public static JsonObject Webhook(AlertNotification n)
    {
        ArgumentNullException.ThrowIfNull(n);
        return new JsonObject
        {
            ["notification_id"] = n.NotificationId,
            ["org_id"] = n.TenantId,
            ["alert_id"] = n.AlertId,
            ["severity"] = n.Severity,
            ["event_type"] = n.EventType,
            ["event_key"] = n.EventKey,
            ["recipient"] = n.Recipient,
            ["title"] = n.Payload.Title,
            ["message"] = n.Payload.Message,
            ["created_at"] = ApiTime.Format(n.CreatedAt),
        };
    }

    /// <summary>Slack incoming-webhook message: <c>text</c> (the notification fallback) and Block Kit blocks.</summary>
    public static JsonObject Slack(AlertNotification n)
    {
        ArgumentNullException.ThrowIfNull(n);
        return new JsonObject
        {
            ["text"] = $"[{n.Severity}] {n.Payload.Title}",
            ["blocks"] = new JsonArray
            {
                new JsonObject { ["type"] = "header", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = Cut($"[{n.Severity}] {n.Payload.Title}", 150) } },
                new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = Cut(n.Payload.Message, 3000) } },
                new JsonObject
                {
                    ["type"] = "context",
                    ["elements"] = new JsonArray { new JsonObject { ["type"] = "mrkdwn", ["text"] = Context(n) } },
                },
            },
        };
    }

    /// <summary>Teams incoming-webhook message carrying one Adaptive Card.</summary>
    public static JsonObject Teams(AlertNotification n)
    {
        ArgumentNullException.ThrowIfNull(n);
        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["body"] = new JsonArray
            {
                new JsonObject { ["type"] = "TextBlock", ["text"] = $"[{n.Severity}] {n.Payload.Title}", ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true },
                new JsonObject { ["type"] = "TextBlock", ["text"] = n.Payload.Message, ["wrap"] = true },
                new JsonObject
                {
                    ["type"] = "FactSet",
                    ["facts"] = new JsonArray
                    {
                        Fact("Severity", n.Severity), Fact("Event", n.EventType), Fact("Alert", n.AlertId), Fact("Recipient", n.Recipient ?? "-"),
                    },
                },
            },
        };
        return new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray
            {
                new JsonObject { ["contentType"] = "application/vnd.microsoft.card.adaptive", ["contentUrl"] = null, ["content"] = card },
            },
        };
    }

    /// <summary>Plain-text e-mail subject and body.</summary>
    public static (string Subject, string Body) Email(AlertNotification n)
    {
        ArgumentNullException.ThrowIfNull(n);
        return ($"[{n.Severity}] {n.Payload.Title}", $"{n.Payload.Message}\n\n{Context(n)}\nNotification {n.NotificationId}\n");
    }

    private static string Context(AlertNotification n) =>
        $"{n.Severity} · {n.EventType} · alert {n.AlertId}" + (n.Recipient is null ? string.Empty : $" · for {n.Recipient}");

    private static JsonObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = value };

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
