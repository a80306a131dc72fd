using System.Text.Json;

namespace Autopilot.Core.Llm.Evaluation.Contract;

/// <summary>Body of GET /api/v1/llm/eval-runs (spec §13.4): stored evaluations, newest first. Declared for the OpenAPI document.</summary>
public sealed record EvalRunList(string OrgId, int Count, IReadOnlyList<JsonElement> Items);
