using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Autopilot.Core.Engine;
using Autopilot.Core.Storage;

namespace Autopilot.Core.Memos;

/// <summary>MEMO-7's <c>packet_hash</c>: SHA-256 hex of the packet as JSON with every object's keys sorted (ordinal), so equal content hashes equally.</summary>
public static class MemoPacketHash
{
    public static string Of(MemoPacket packet) => Ids.Sha256Hex(SortedJson(JsonSerializer.SerializeToNode(packet, AutopilotJson.Options)));

    /// <summary>Compact JSON with sorted keys: also the packet as the language model reads it (MEMO-10).</summary>
    public static string SortedJson(JsonNode? node)
    {
        var text = new StringBuilder();
        Write(node, text);
        return text.ToString();
    }

    private static void Write(JsonNode? node, StringBuilder text)
    {
        switch (node)
        {
            case JsonObject obj:
                text.Append('{');
                var first = true;
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    text.Append(first ? string.Empty : ",").Append(JsonSerializer.Serialize(key, AutopilotJson.Options)).Append(':');
                    Write(value, text);
                    first = false;
                }

                text.Append('}');
                break;
            case JsonArray array:
                text.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    text.Append(i == 0 ? string.Empty : ",");
                    Write(array[i], text);
                }

                text.Append(']');
                break;
            case null:
                text.Append("null");
                break;
            default:
                text.Append(node.ToJsonString(AutopilotJson.Options));
                break;
        }
    }
}
