using System.Text.Json;
using Autopilot.Core.Api;

namespace Autopilot.Core.Channels.Webhooks;

/// <summary>Reading a verified webhook's JSON body: unparseable → 422 (never a 5xx), and fields read leniently (ids may be numbers).</summary>
internal static class ChannelJson
{
    public static JsonElement Parse(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.Clone()
                : throw ValidationException.Invalid("body", "body", "model_attributes_type", "Input should be a valid dictionary or object", null);
        }
        catch (JsonException)
        {
            throw ValidationException.Invalid("body", "0", "json_invalid", "JSON decode error", null);
        }
    }

    /// <summary>A string or number field as text; null when absent or of another kind.</summary>
    public static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;
}
