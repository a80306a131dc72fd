namespace Autopilot.Core.Llm;

/// <summary>Body of <c>POST /api/v1/llm/budget</c>: the monthly budget in USD and whether it is a hard cap.</summary>
public sealed record LlmBudgetRequest(decimal? MonthlyUsd, bool? HardCap);
