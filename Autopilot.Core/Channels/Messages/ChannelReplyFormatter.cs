using System.Text.Json;
using Autopilot.Core.Chat;

namespace Autopilot.Core.Channels.Messages;

/// <summary>CHAN-8: a chat reply as one chat message — the summary, plus the one line that matters for its kind.</summary>
public static class ChannelReplyFormatter
{
    public const string QueuedLine = "It was queued and will run when capacity is available.";

    public static string Format(ChatReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var summary = reply.Summary;
        var data = reply.Data;
        if (reply.ResponseType == "approval_required")
        {
            return $"{summary}\nEstimated cost: ${Scalar(data, "estimated_cost_usd") ?? "0"}\nApprove via preview_id: {Scalar(data, "preview_id") ?? ""}";
        }

        if (reply.ResponseType == "queued")
        {
            return $"{summary}\n{QueuedLine}";
        }

        if (Array(data, "rows") is { Count: > 0 } rows)
        {
            return $"{summary}\nRows: {rows.Count}";
        }

        if (Array(data, "reasons") is { Count: > 0 } reasons)
        {
            return $"{summary}\nReason: {string.Join("; ", reasons.Select(r => r.ValueKind == JsonValueKind.String ? r.GetString() : r.GetRawText()))}";
        }

        if (reply.Warnings is { Count: > 0 } warnings)
        {
            return $"{summary}\nWarnings: {string.Join(", ", warnings)}";
        }

        return string.IsNullOrEmpty(summary) ? "Completed." : summary;
    }

    private static string? Scalar(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? (value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText())
            : null;

    private static List<JsonElement>? Array(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().ToList()
            : null;
}
