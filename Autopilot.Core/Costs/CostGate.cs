namespace Autopilot.Core.Costs;

/// <summary>
/// The seed's cost decision (QRY-4..6), in its order: over the hard cap → blocked; hourly budget exceeded →
/// blocked; over the per-query limit → approval required; else allowed. All comparisons are strict <c>&gt;</c>.
/// </summary>
public sealed class CostGate
{
    public const string HardCapExceeded = "Query exceeds hard max bytes with approval";
    public const string BudgetExceeded = "Hourly budget exceeded";
    public const string ApprovalRequired = "Query exceeds per-query limit and requires approval";

    private const double BytesPerTiB = 1024d * 1024 * 1024 * 1024;
    private readonly CostLimiter _limiter;
    private readonly CostOptions _options;

    public CostGate(CostLimiter limiter)
    {
        ArgumentNullException.ThrowIfNull(limiter);
        _limiter = limiter;
        _options = limiter.Options;
    }

    /// <summary>DRY-3: bytes / 1 TiB × USD per TiB (unrounded; callers round for display).</summary>
    public double EstimatedUsd(long bytes) => bytes / BytesPerTiB * _options.UsdPerTiB;

    /// <summary>
    /// Decides for a query estimated at <paramref name="estimatedBytes"/>. With a <paramref name="reservationId"/>
    /// an allowed query's bytes are reserved in the same atomic step as the budget check (reconcile them with the
    /// actual bytes after it runs, or release them); without one — and for a query that still needs approval,
    /// which reserves when it is approved — the budget is only checked.
    /// </summary>
    public async Task<CostGateDecision> EvaluateAsync(string orgId, long estimatedBytes, string? reservationId, CancellationToken cancellation)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(estimatedBytes);
        var usd = EstimatedUsd(estimatedBytes);
        if (estimatedBytes > _options.PerQueryMaxBytesWithApproval)
        {
            return new CostGateDecision(CostGateOutcome.Blocked, HardCapExceeded, estimatedBytes, usd, null, null);
        }

        var needsApproval = estimatedBytes > _options.PerQueryMaxBytes;
        var reserve = reservationId is not null && !needsApproval;
        var budget = reserve
            ? await _limiter.ReserveAsync(orgId, estimatedBytes, reservationId!, cancellation)
            : await _limiter.CheckAsync(orgId, estimatedBytes, cancellation);
        if (!budget.Allowed)
        {
            return new CostGateDecision(CostGateOutcome.Blocked, BudgetExceeded, estimatedBytes, usd, budget, null);
        }

        return needsApproval
            ? new CostGateDecision(CostGateOutcome.ApprovalRequired, ApprovalRequired, estimatedBytes, usd, budget, null)
            : new CostGateDecision(CostGateOutcome.Allowed, null, estimatedBytes, usd, budget, reserve ? reservationId : null);
    }
}
