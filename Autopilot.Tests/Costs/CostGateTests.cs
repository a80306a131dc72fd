using Autopilot.Core.Caching;
using Autopilot.Core.Costs;
using Microsoft.Extensions.Time.Testing;

namespace Autopilot.Tests.Costs;

/// <summary>The seed's decision order (QRY-4..6): hard cap → hourly budget → approval threshold; strict comparisons.</summary>
public sealed class CostGateTests
{
    private static readonly CostOptions Small = new() { PerQueryMaxBytes = 100, PerQueryMaxBytesWithApproval = 1000, HourlyBudgetBytes = 500 };
    private readonly FakeTimeProvider _time = new();

    private static CancellationToken None => CancellationToken.None;

    [Fact]
    public async Task Over_the_hard_cap_is_blocked_before_the_budget_is_looked_at()
    {
        var (gate, _) = Create(Small);

        var decision = await gate.EvaluateAsync("org_a", 1001, "q1", None);

        Assert.Equal((CostGateOutcome.Blocked, "Query exceeds hard max bytes with approval"), (decision.Outcome, decision.Reason));
        Assert.Null(decision.Budget);
        Assert.Null(decision.ReservationId);
    }

    [Fact]
    public async Task Over_the_budget_is_blocked_before_approval_is_considered()
    {
        var (gate, _) = Create(Small);

        var decision = await gate.EvaluateAsync("org_a", 1000, "q1", None);

        Assert.Equal((CostGateOutcome.Blocked, "Hourly budget exceeded"), (decision.Outcome, decision.Reason));
        Assert.Equal(new BudgetDecision(false, 0, 500, 500, BudgetDecision.DeniedSuggestion), decision.Budget);
    }

    [Fact]
    public async Task Over_the_per_query_limit_needs_approval_and_reserves_nothing_yet()
    {
        var (gate, limiter) = Create(Small);

        var decision = await gate.EvaluateAsync("org_a", 101, "q1", None);

        Assert.Equal((CostGateOutcome.ApprovalRequired, "Query exceeds per-query limit and requires approval", true), (decision.Outcome, decision.Reason, decision.RequiresApproval));
        Assert.Null(decision.ReservationId);
        Assert.Equal(0, (await limiter.CheckAsync("org_a", 0)).BytesUsed);
    }

    [Fact]
    public async Task At_the_limits_a_query_is_allowed_and_its_bytes_reserved()
    {
        var (gate, limiter) = Create(Small);

        var decision = await gate.EvaluateAsync("org_a", 100, "q1", None);
        var checkOnly = await gate.EvaluateAsync("org_a", 100, null, None);

        Assert.Equal((CostGateOutcome.Allowed, null, "q1"), (decision.Outcome, decision.Reason, decision.ReservationId));
        Assert.Equal(new BudgetDecision(true, 0, 400, 500, null), decision.Budget);
        Assert.Equal((true, null), (checkOnly.Allowed, checkOnly.ReservationId));
        Assert.Equal(100, (await limiter.CheckAsync("org_a", 0)).BytesUsed);
    }

    [Fact]
    public void Estimated_cost_is_bytes_over_a_TiB_times_the_price()
    {
        var (gate, _) = Create(new CostOptions());
        var (dearer, _) = Create(new CostOptions { UsdPerTiB = 6.25 });

        Assert.Equal(5.0, gate.EstimatedUsd(1L << 40));
        Assert.Equal(2.5, gate.EstimatedUsd(1L << 39));
        Assert.Equal(0.0, gate.EstimatedUsd(0));
        Assert.Equal(6.25, dearer.EstimatedUsd(1L << 40));
    }

    [Fact]
    public async Task The_decision_carries_the_estimate_and_its_price()
    {
        var (gate, _) = Create(new CostOptions());

        var decision = await gate.EvaluateAsync("org_a", 1L << 30, null, None);

        Assert.Equal((1L << 30, 5.0 / 1024), (decision.EstimatedBytes, decision.EstimatedCostUsd));
    }

    private (CostGate Gate, CostLimiter Limiter) Create(CostOptions options)
    {
        var limiter = new CostLimiter(new RedisConnection(string.Empty, _time), options, _time);
        return (new CostGate(limiter), limiter);
    }
}
