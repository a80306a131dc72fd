using System.Text.Json;
using System.Text.Json.Nodes;
using Autopilot.Core.Engine;

namespace Autopilot.Core.Memos;

/// <summary>MEMO-13: the raw-metrics memo stored when every writing attempt failed validation.</summary>
public static class MemoFallback
{
    public const string Headline = "Automated narrative unavailable; raw metrics attached.";

    public static JsonObject For(MemoPacket packet)
    {
        ArgumentNullException.ThrowIfNull(packet);
        return new JsonObject
        {
            ["headline_summary"] = new JsonArray(Headline),
            ["key_changes"] = JsonSerializer.SerializeToNode(packet.Kpis, AutopilotJson.Options),
            ["likely_causes"] = new JsonArray(),
            ["recommended_actions"] = new JsonArray("Review raw metrics and rerun memo generation."),
            ["data_quality_notes"] = new JsonArray([.. packet.AnomalyNotes.Select(n => (JsonNode)n)]),
            ["fallback"] = true,
        };
    }
}
