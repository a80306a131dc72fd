namespace Autopilot.Core.Costs;

/// <summary>
/// The hourly budget's answer (COST-2): <c>BytesRemaining</c> is budget − used − estimated when allowed and
/// max(0, budget − used) when denied; <c>Suggestion</c> only when denied.
/// </summary>
public sealed record BudgetDecision(bool Allowed, long BytesUsed, long BytesRemaining, long Budget, string? Suggestion)
{
    public const string DeniedSuggestion = "Try sampling or a narrower time window";

    public static BudgetDecision From(bool allowed, long used, long estimated, long budget) =>
        allowed
            ? new BudgetDecision(true, used, budget - used - estimated, budget, null)
            : new BudgetDecision(false, used, Math.Max(0, budget - used), budget, DeniedSuggestion);
}
