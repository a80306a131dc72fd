using System.Text.Json.Nodes;

namespace Autopilot.Core.Llm.Contract;

/// <summary>Body of GET /llm/usage. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record LlmUsageView(string TenantId, int TotalRequests, long TotalInputTokens, long TotalOutputTokens, decimal TotalEstimatedCostUsd, JsonObject ByProvider, JsonObject ByTask);
