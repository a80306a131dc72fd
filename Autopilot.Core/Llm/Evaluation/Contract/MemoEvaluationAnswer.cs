using System.Text.Json;

namespace Autopilot.Core.Llm.Evaluation.Contract;

/// <summary>
/// Body of POST /api/v1/llm/evaluate-memo (spec §13.5): LLM-10's statistics per blind label (<c>Model A</c>, …); with
/// no provider configured, <c>error</c> and empty <c>results</c>. Declared for the OpenAPI document.
/// </summary>
public sealed record MemoEvaluationAnswer(string OrgId, string? RunId, int? RunsPerProvider, bool? BlindMode, string? Error, IReadOnlyDictionary<string, JsonElement> Results);
