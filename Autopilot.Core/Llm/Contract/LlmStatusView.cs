namespace Autopilot.Core.Llm.Contract;

/// <summary>Body of GET /llm/status: whether a model is configured, and which (never its key). Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record LlmStatusView(string Mode, bool Configured, string? Provider, string? Model, string? BaseUrl, bool EvalEnabled, IReadOnlyList<string> EvalProviders);
