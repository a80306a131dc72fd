namespace Autopilot.Core.Llm;

/// <summary>
/// One language-model call: for whom and what (<see cref="Task"/>), which provider and model, the tokens the provider
/// reported, how long it took, what it cost by <see cref="LlmRates"/>, and whether it succeeded (the error's type and a
/// short reason when not — never the prompt or the answer).
/// </summary>
public sealed record LlmUsage(
    string TenantId,
    string Task,
    string Provider,
    string Model,
    long InputTokens,
    long OutputTokens,
    double LatencyMs,
    decimal CostUsd,
    bool Succeeded,
    string? Error,
    DateTimeOffset At);
