using System.Text.Json;

namespace Autopilot.Core.Llm.Evaluation.Contract;

/// <summary>Request of POST /api/v1/llm/evaluate-memo: a memo packet (LLM-12's demo packet when absent) and runs per provider (1–50, default 1). Declared for the OpenAPI document.</summary>
public sealed record MemoEvaluationBody(string? OrgId, JsonElement? Packet, int? RunsPerProvider);
