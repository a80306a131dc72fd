using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Autopilot.Core.Memos;

/// <summary>
/// The memo's JSON schema in OpenAI's strict structured-output dialect (every property required, nothing else allowed):
/// MEMO-9's five list-valued sections. It constrains the model; <see cref="MemoValidator"/> still checks every number.
/// </summary>
public static class MemoSchema
{
    public const string Name = "weekly_memo";

    public static JsonElement Schema { get; } = JsonDocument.Parse("""
        {
          "type": "object",
          "properties": {
            "headline_summary": { "type": "array", "items": { "type": "string" } },
            "key_changes": {
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "metric_name": { "type": "string", "description": "A KPI's metric_name from the packet, exactly." },
                  "current": { "type": "number", "description": "The KPI's current_value, copied exactly." },
                  "previous": { "type": "number", "description": "The KPI's previous_value, copied exactly." },
                  "delta_pct": { "type": "number", "description": "The KPI's delta_percent, copied exactly." },
                  "delta_absolute": { "type": "number", "description": "The KPI's delta_absolute, copied exactly." },
                  "interpretation": { "type": "string" },
                  "confidence": { "type": "string", "enum": ["high", "medium", "low"] },
                  "supporting_query_hashes": { "type": "array", "items": { "type": "string" } }
                },
                "required": ["metric_name", "current", "previous", "delta_pct", "delta_absolute", "interpretation", "confidence", "supporting_query_hashes"],
                "additionalProperties": false
              }
            },
            "likely_causes": {
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "hypothesis": { "type": "string" },
                  "supporting_evidence": { "type": "string", "description": "Names the packet metric or segment it rests on." },
                  "evidence_type": { "type": "string", "enum": ["data_supported", "speculative"] }
                },
                "required": ["hypothesis", "supporting_evidence", "evidence_type"],
                "additionalProperties": false
              }
            },
            "recommended_actions": { "type": "array", "items": { "type": "string" } },
            "data_quality_notes": { "type": "array", "items": { "type": "string" } }
          },
          "required": ["headline_summary", "key_changes", "likely_causes", "recommended_actions", "data_quality_notes"],
          "additionalProperties": false
        }
        """).RootElement.Clone();

    public static ChatResponseFormat ResponseFormat { get; } =
        ChatResponseFormat.ForJsonSchema(Schema, Name, "A weekly business memo grounded in the packet's numbers.");

    /// <summary>The five sections, each of which must be a list (MEMO-9).</summary>
    public static IReadOnlyList<string> Sections { get; } = ["headline_summary", "key_changes", "likely_causes", "recommended_actions", "data_quality_notes"];
}
