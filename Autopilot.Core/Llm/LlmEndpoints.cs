using System.Globalization;
using Autopilot.Core.Agent.Llm;
using Autopilot.Core.Api;
using Autopilot.Core.Audit;

namespace Autopilot.Core.Llm;

/// <summary>
/// HTTP handlers of language-model status, usage and budget (spec §13.1–13.3, LLM-4/6/7/8): usage aggregates every
/// accounted call of the tenant; the budget is per calendar month and, set as a hard cap, stops calls (LLM-8's fixes).
/// </summary>
public static class LlmEndpoints
{
    /// <summary>The largest monthly budget accepted, USD (a typo of extra zeros is a 422, not a budget that never bites).</summary>
    public const decimal MaxMonthlyUsd = 1_000_000m;

    /// <summary><c>GET /api/v1/llm/status</c> (no headers): whether a model is configured and which — never its key.</summary>
    public static Task<ApiResult> Status(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var llm = context.Service<Settings>().LlmPlanner;
        return Task.FromResult(ApiResult.Ok(new
        {
            mode = llm is null ? "fallback" : "llm",
            configured = llm is not null,
            provider = llm?.Provider switch { LlmProvider.AzureOpenAI => "azure-openai", LlmProvider.OpenAI => "openai", _ => null },
            model = llm?.Model,
            base_url = llm is null ? null : LlmChatClientFactory.EndpointOf(llm).ToString(),
            eval_enabled = context.Service<Evaluation.LlmEvalOptions>().Enabled,
            eval_providers = context.Service<Evaluation.MemoEvaluator>().Providers
                .Where(p => p.Name != LlmServiceCollectionExtensions.PrimaryProvider).Select(p => new { name = p.Name, model = p.Model }).ToList(),
        }));
    }

    /// <summary><c>GET /api/v1/llm/usage</c>: all of the tenant's accounted calls, by provider and by task (LLM-7).</summary>
    public static async Task<ApiResult> Usage(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var usage = await context.Service<LlmUsageStore>().ListAsync(context.Tenant, null, null, context.Cancellation);
        return ApiResult.Ok(new
        {
            tenant_id = context.Tenant,
            total_requests = usage.Count,
            total_input_tokens = usage.Sum(u => u.InputTokens),
            total_output_tokens = usage.Sum(u => u.OutputTokens),
            total_estimated_cost_usd = Math.Round(usage.Sum(u => u.CostUsd), 6),
            by_provider = Summarise(usage, u => u.Provider),
            by_task = Summarise(usage, u => u.Task),
        });
    }

    /// <summary><c>GET /api/v1/llm/budget</c>: this month's spend against the tenant's monthly budget.</summary>
    public static async Task<ApiResult> Budget(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ApiResult.Ok(await DescribeBudgetAsync(context));
    }

    /// <summary>Schema stage of <see cref="SetBudget"/>: a non-negative monthly amount (422 otherwise).</summary>
    public static object BindBudget(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.BindBody<LlmBudgetRequest>();
        if (request.MonthlyUsd is not { } monthly)
        {
            throw ValidationException.Missing("body", "monthly_usd");
        }

        if (monthly is < 0 or > MaxMonthlyUsd)
        {
            throw ValidationException.Invalid("body", "monthly_usd", "number_range", $"Input should be from 0 to {MaxMonthlyUsd.ToString(CultureInfo.InvariantCulture)}", monthly);
        }

        return new LlmBudget(Math.Round(monthly, 2), request.HardCap ?? false);
    }

    /// <summary><c>POST /api/v1/llm/budget</c> (admin): sets the monthly budget and whether it stops calls.</summary>
    public static async Task<ApiResult> SetBudget(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var budget = context.Request<LlmBudget>();
        await context.Service<LlmBudgets>().SetAsync(context.Tenant, budget, context.Cancellation);
        await context.Service<AuditLog>().AppendAsync(context.Tenant, "llm_budget_updated", new { monthly_usd = budget.MonthlyUsd, hard_cap = budget.HardCap }, context.Cancellation);
        return ApiResult.Ok(await DescribeBudgetAsync(context));
    }

    private static async Task<object> DescribeBudgetAsync(ApiContext context)
    {
        var budgets = context.Service<LlmBudgets>();
        var budget = await budgets.GetAsync(context.Tenant, context.Cancellation);
        var month = await budgets.ThisMonthAsync(context.Tenant, context.Cancellation);
        var spent = Math.Round(month.Sum(u => u.CostUsd), 6);
        return new
        {
            tenant_id = context.Tenant,
            period = "month",
            month = budgets.CurrentMonth().Start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            total_cost_usd = spent,
            budget_usd = budget.MonthlyUsd,
            remaining_usd = Math.Max(0, budget.MonthlyUsd - spent),
            usage_pct = budget.MonthlyUsd > 0 ? Math.Round(spent / budget.MonthlyUsd * 100, 2) : 0m,
            over_budget = spent > budget.MonthlyUsd,
            hard_cap = budget.HardCap,
            blocked = budget.HardCap && spent >= budget.MonthlyUsd,
            requests = month.Count,
        };
    }

    private static SortedDictionary<string, object> Summarise(IReadOnlyList<LlmUsage> usage, Func<LlmUsage, string> key) =>
        new(usage.GroupBy(u => string.IsNullOrEmpty(key(u)) ? LlmTasks.Unknown : key(u), StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => (object)new
            {
                model = g.MaxBy(u => u.At)!.Model,
                requests = g.Count(),
                input_tokens = g.Sum(u => u.InputTokens),
                output_tokens = g.Sum(u => u.OutputTokens),
                estimated_cost_usd = Math.Round(g.Sum(u => u.CostUsd), 6),
                avg_latency_ms = Math.Round(g.Average(u => u.LatencyMs), 2),
                errors = g.Count(u => !u.Succeeded),
            },
            StringComparer.Ordinal), StringComparer.Ordinal);
}
