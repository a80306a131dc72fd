namespace Autopilot.Core.Llm;

/// <summary>
/// A tenant's language-model budget per calendar month (UTC), in USD. With <see cref="HardCap"/> a tenant over budget
/// makes no more model calls that month: every feature falls back to its deterministic path (the seed's budget was a
/// soft, all-time figure that stopped nothing — LLM-8).
/// </summary>
public sealed record LlmBudget(decimal MonthlyUsd, bool HardCap)
{
    public const string SettingName = "llm_budget";

    public static LlmBudget Default { get; } = new(100m, HardCap: false);
}
