namespace Autopilot.Core.Llm.Contract;

/// <summary>A tenant's monthly language-model budget and this month's spend. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record LlmBudgetView(string TenantId, string Period, string Month, decimal TotalCostUsd, decimal BudgetUsd, decimal RemainingUsd, decimal UsagePct, bool OverBudget, bool HardCap, bool Blocked, int Requests);
