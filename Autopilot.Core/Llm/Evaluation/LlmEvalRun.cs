using System.Text.Json.Nodes;

namespace Autopilot.Core.Llm.Evaluation;

/// <summary>One stored evaluation (spec §13.4's item): its id, task, start and the blinded body the list shows.</summary>
public sealed record LlmEvalRun(string RunId, string TenantId, string TaskType, DateTimeOffset StartedAt, JsonObject Body);
