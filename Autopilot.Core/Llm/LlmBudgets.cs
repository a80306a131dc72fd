using Autopilot.Core.Tenants;

namespace Autopilot.Core.Llm;

/// <summary>A tenant's budget setting and what it has spent in the current month.</summary>
public sealed class LlmBudgets
{
    private readonly TenantSettingsStore _settings;
    private readonly LlmUsageStore _usage;
    private readonly TimeProvider _time;

    public LlmBudgets(TenantSettingsStore settings, LlmUsageStore usage, TimeProvider time)
    {
        _settings = settings;
        _usage = usage;
        _time = time;
    }

    public async Task<LlmBudget> GetAsync(string tenantId, CancellationToken cancellation) =>
        await _settings.GetAsync<LlmBudget>(tenantId, LlmBudget.SettingName, cancellation) ?? LlmBudget.Default;

    public Task SetAsync(string tenantId, LlmBudget budget, CancellationToken cancellation) =>
        _settings.SetAsync(tenantId, LlmBudget.SettingName, budget, cancellation);

    /// <summary>The calendar month (UTC) that contains now: [start, next start).</summary>
    public (DateTimeOffset Start, DateTimeOffset End) CurrentMonth()
    {
        var now = _time.GetUtcNow();
        var start = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        return (start, start.AddMonths(1));
    }

    /// <summary>The tenant's calls this month.</summary>
    public async Task<IReadOnlyList<LlmUsage>> ThisMonthAsync(string tenantId, CancellationToken cancellation)
    {
        var (start, end) = CurrentMonth();
        return await _usage.ListAsync(tenantId, start, end, cancellation);
    }

    /// <summary>Whether a hard-capped tenant has spent its month's budget (calls must not be sent).</summary>
    public async Task<bool> IsBlockedAsync(string tenantId, CancellationToken cancellation)
    {
        var budget = await GetAsync(tenantId, cancellation);
        return budget.HardCap && (await ThisMonthAsync(tenantId, cancellation)).Sum(u => u.CostUsd) >= budget.MonthlyUsd;
    }
}
