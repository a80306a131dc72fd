using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Autopilot.Core.Agent.Llm;

/// <summary>
/// The JSON schema the model must answer with, in the strict-mode dialect of OpenAI's structured outputs (every property
/// required, no additional properties). The schema constrains the model; <see cref="LlmPlanReader"/> still checks everything.
/// </summary>
public static class LlmPlanSchema
{
    public const string Name = "agent_plan";

    public static JsonElement Schema { get; } = JsonDocument.Parse("""
        {
          "type": "object",
          "properties": {
            "goal": { "type": "string", "description": "What the plan answers, in one sentence." },
            "steps": {
              "type": "array",
              "description": "Ordered steps, at most 3; empty when the catalog cannot answer the question.",
              "items": {
                "type": "object",
                "properties": {
                  "step_id": { "type": "string", "description": "A short id such as q1." },
                  "sql": { "type": "string", "description": "One read-only BigQuery Standard SQL SELECT statement." },
                  "description": { "type": "string", "description": "What the step computes." }
                },
                "required": ["step_id", "sql", "description"],
                "additionalProperties": false
              }
            },
            "risks": { "type": "array", "items": { "type": "string" }, "description": "Caveats: data gaps, assumptions, costs." },
            "expected_shape": { "type": "string", "enum": ["scalar", "series", "table"] },
            "reading": {
              "type": "object",
              "description": "How the question was read: every word of the question with the plan element it produced (filler only for words with no meaning), and the filters with values exactly as the data spells them.",
              "properties": {
                "words": { "type": "array", "items": { "type": "object", "properties": {
                  "word": { "type": "string" },
                  "element": { "type": "string", "enum": ["filler", "measure", "entity", "filter", "grouping", "window", "ordering", "limit"] } },
                  "required": ["word", "element"], "additionalProperties": false } },
                "subject": { "type": "string", "description": "The table whose rows or entities are counted." },
                "aggregation": { "type": "string", "description": "COUNT, COUNT_DISTINCT, SUM, AVG, MIN, MAX, MEDIAN, SHARE or RATIO." },
                "filters": { "type": "array", "items": { "type": "object", "properties": {
                  "table": { "type": "string" }, "column": { "type": "string" }, "values": { "type": "array", "items": { "type": "string" } } },
                  "required": ["table", "column", "values"], "additionalProperties": false } },
                "window": { "type": ["string", "null"] },
                "groupings": { "type": "array", "items": { "type": "string" } },
                "interpretation": { "type": "string" }
              },
              "required": ["words", "subject", "aggregation", "filters", "window", "groupings", "interpretation"],
              "additionalProperties": false
            }
          },
          "required": ["goal", "steps", "risks", "expected_shape", "reading"],
          "additionalProperties": false
        }
        """).RootElement.Clone();

    public static ChatResponseFormat ResponseFormat { get; } =
        ChatResponseFormat.ForJsonSchema(Schema, Name, "A query plan for the user's analytics question.");
}
