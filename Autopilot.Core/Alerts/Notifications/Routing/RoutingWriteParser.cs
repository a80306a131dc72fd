using System.Text.Json;
using Autopilot.Core.Alerts.Notifications.Channels;
using Autopilot.Core.Api;
using Autopilot.Core.Storage;

namespace Autopilot.Core.Alerts.Notifications.Routing;

/// <summary>
/// Schema stage of a routing write. Unlike the seed (NTF-2), which stored channel entries unchecked, every channel is
/// validated here — type, target, severities, secret — and a bad one is a 422 naming the field (never echoing a target or
/// secret, which may hold credentials).
/// </summary>
public static class RoutingWriteParser
{
    public const int MaxChannels = 20;
    public const int MaxRecipients = 50;
    public const int MaxRecipientLength = 200;
    public const int MinSecretLength = 16;
    public const int MaxSecretLength = 512;
    public const int MaxAckReminderMinutes = 7 * 24 * 60;

    public static RoutingWrite Parse(JsonElement body)
    {
        if (!body.TryGetProperty("routing", out var routing) || routing.ValueKind != JsonValueKind.Object)
        {
            return new RoutingWrite(false, [], NotificationRouting.EmptyRecipients(), NotificationRouting.DefaultAckReminderMinutes);
        }

        var channels = new List<ChannelWrite>();
        if (routing.TryGetProperty("channels", out var list) && list.ValueKind != JsonValueKind.Null)
        {
            if (list.ValueKind != JsonValueKind.Array)
            {
                throw Invalid("routing.channels", "list_type", "channels must be a list");
            }

            if (list.GetArrayLength() > MaxChannels)
            {
                throw Invalid("routing.channels", "too_long", $"at most {MaxChannels} channels");
            }

            var index = 0;
            foreach (var channel in list.EnumerateArray())
            {
                var parsed = Channel(channel, $"routing.channels.{index++}");
                if (channels.Any(c => c.ChannelId == parsed.ChannelId))
                {
                    throw Invalid($"routing.channels.{index - 1}", "value_error", "the same channel (type and target) is listed twice");
                }

                channels.Add(parsed);
            }
        }

        return new RoutingWrite(true, channels, Recipients(routing), AckMinutes(routing));
    }

    /// <summary>A channel's stable id: its type and stored target (without password), so a rewrite keeps its id and secret.</summary>
    public static string ChannelId(string type, string storedTarget) => "ch_" + Ids.Sha256Hex(type + "\n" + storedTarget)[..12];

    private static ChannelWrite Channel(JsonElement channel, string at)
    {
        if (channel.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(at, "model_type", "each channel must be an object");
        }

        var type = ChannelTypes.Default;
        if (channel.TryGetProperty("type", out var t) && t.ValueKind != JsonValueKind.Null)
        {
            type = t.ValueKind == JsonValueKind.String && ChannelTypes.All.Contains(t.GetString(), StringComparer.Ordinal)
                ? t.GetString()!
                : throw Invalid(at + ".type", "literal_error", $"type must be one of {string.Join(", ", ChannelTypes.All)}");
        }

        if (!channel.TryGetProperty("target", out var rawTarget) || rawTarget.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(rawTarget.GetString()))
        {
            throw Invalid(at + ".target", "missing", "target is required");
        }

        if (rawTarget.GetString()!.Length > ChannelTarget.MaxLength)
        {
            throw Invalid(at + ".target", "string_too_long", $"target must be at most {ChannelTarget.MaxLength} characters");
        }

        var target = ChannelTarget.TryParse(type, rawTarget.GetString()!, out var error) ?? throw Invalid(at + ".target", "value_error", error!);
        var enabled = true;
        if (channel.TryGetProperty("enabled", out var e) && e.ValueKind != JsonValueKind.Null)
        {
            enabled = e.ValueKind is JsonValueKind.True or JsonValueKind.False ? e.GetBoolean() : throw Invalid(at + ".enabled", "bool_type", "enabled must be true or false");
        }

        IReadOnlyList<string> severities = AlertPolicy.Severities;
        if (channel.TryGetProperty("severities", out var s) && s.ValueKind != JsonValueKind.Null)
        {
            severities = s.ValueKind == JsonValueKind.Array && s.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String && AlertPolicy.Severities.Contains(v.GetString(), StringComparer.Ordinal))
                ? s.EnumerateArray().Select(v => v.GetString()!).Distinct(StringComparer.Ordinal).ToList()
                : throw Invalid(at + ".severities", "list_type", "severities must be a list of P0, P1, P2, P3");
        }

        string? secret = null;
        if (channel.TryGetProperty("secret", out var sec) && sec.ValueKind != JsonValueKind.Null)
        {
            if (type != ChannelTypes.Webhook)
            {
                throw Invalid(at + ".secret", "value_error", "only webhook channels carry a secret");
            }

            secret = sec.ValueKind == JsonValueKind.String && sec.GetString()!.Length is >= MinSecretLength and <= MaxSecretLength
                ? sec.GetString()
                : throw Invalid(at + ".secret", "string_type", $"secret must be a string of {MinSecretLength} to {MaxSecretLength} characters");
        }

        return new ChannelWrite(ChannelId(type, target.Stored), type, target, enabled, severities, secret);
    }

    private static Dictionary<string, IReadOnlyList<string>> Recipients(JsonElement routing)
    {
        var result = NotificationRouting.EmptyRecipients().ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        if (!routing.TryGetProperty("escalation_recipients", out var recipients) || recipients.ValueKind == JsonValueKind.Null)
        {
            return result;
        }

        if (recipients.ValueKind != JsonValueKind.Object)
        {
            throw Invalid("routing.escalation_recipients", "dict_type", "escalation_recipients must be an object of severity → list of recipients");
        }

        foreach (var entry in recipients.EnumerateObject())
        {
            var at = "routing.escalation_recipients." + entry.Name;
            if (!AlertPolicy.Severities.Contains(entry.Name, StringComparer.Ordinal))
            {
                throw Invalid(at, "literal_error", "keys must be P0, P1, P2 or P3");
            }

            if (entry.Value.ValueKind != JsonValueKind.Array || entry.Value.GetArrayLength() > MaxRecipients
                || !entry.Value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String && v.GetString()!.Trim().Length is > 0 and <= MaxRecipientLength))
            {
                throw Invalid(at, "list_type", $"recipients must be a list of at most {MaxRecipients} non-blank names of at most {MaxRecipientLength} characters");
            }

            result[entry.Name] = entry.Value.EnumerateArray().Select(v => v.GetString()!.Trim()).Distinct(StringComparer.Ordinal).ToList();
        }

        return result;
    }

    private static int AckMinutes(JsonElement routing)
    {
        if (!routing.TryGetProperty("ack_reminder_minutes", out var minutes) || minutes.ValueKind == JsonValueKind.Null)
        {
            return NotificationRouting.DefaultAckReminderMinutes;
        }

        return minutes.ValueKind == JsonValueKind.Number && minutes.TryGetInt32(out var value) && value is >= 1 and <= MaxAckReminderMinutes
            ? value
            : throw Invalid("routing.ack_reminder_minutes", "int_parsing", $"ack_reminder_minutes must be a whole number from 1 to {MaxAckReminderMinutes}");
    }

    private static ValidationException Invalid(string field, string type, string message) => ValidationException.Invalid("body", field, type, message, null);
}
