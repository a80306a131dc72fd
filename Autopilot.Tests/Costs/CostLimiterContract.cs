using Autopilot.Core.Costs;

namespace Autopilot.Tests.Costs;

/// <summary>The window's rules (COST-1..3), pinned once and run against Redis and against the in-memory window.</summary>
public abstract class CostLimiterContract
{
    protected const long KiB = 1024;

    protected static CancellationToken None => CancellationToken.None;

    protected static string NewOrg() => "org_" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>A limiter over the store under test, with these options.</summary>
    protected abstract CostLimiter Create(CostOptions options);

    /// <summary>Asserts the calls were answered by the store under test (not by a fallback).</summary>
    protected abstract Task AssertServedByStoreAsync(CostLimiter limiter, string orgId);

    [Fact]
    public async Task Exactly_N_of_1000_concurrent_reservations_are_admitted_when_the_budget_holds_N()
    {
        var limiter = Create(new CostOptions { HourlyBudgetBytes = 100 * KiB });
        var org = NewOrg();

        var decisions = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i =>
            Task.Run(() => limiter.ReserveAsync(org, KiB, $"q{i}", None))));

        Assert.Equal(100, decisions.Count(d => d.Allowed));
        Assert.All(decisions.Where(d => !d.Allowed), d => Assert.Equal((100 * KiB, 0L), (d.BytesUsed, d.BytesRemaining)));
        Assert.Equal(100 * KiB, (await limiter.CheckAsync(org, 0)).BytesUsed);
        await AssertServedByStoreAsync(limiter, org);
    }

    [Fact]
    public async Task Two_queries_with_the_same_byte_count_both_count()
    {
        // COST-6 is a defect of the seed: its members were the byte counts, so equal counts collapsed into one.
        var limiter = Create(new CostOptions { HourlyBudgetBytes = 100 * KiB });
        var org = NewOrg();

        await limiter.ReserveAsync(org, 5 * KiB, "a", None);
        await limiter.ReserveAsync(org, 5 * KiB, "b", None);
        await limiter.ReconcileAsync(org, "c", 7 * KiB, None);
        await limiter.ReconcileAsync(org, "d", 7 * KiB, None);

        Assert.Equal(24 * KiB, (await limiter.CheckAsync(org, 0)).BytesUsed);
        await AssertServedByStoreAsync(limiter, org);
    }

    [Fact]
    public async Task Decisions_have_the_seed_shapes_and_a_query_that_exactly_fills_the_budget_is_allowed()
    {
        var limiter = Create(new CostOptions { HourlyBudgetBytes = 10 * KiB });
        var org = NewOrg();

        var first = await limiter.ReserveAsync(org, 6 * KiB, "q1", None);
        var denied = await limiter.ReserveAsync(org, 5 * KiB, "q2", None);
        var exact = await limiter.ReserveAsync(org, 4 * KiB, "q3", None);
        var over = await limiter.CheckAsync(org, 1);

        Assert.Equal(new BudgetDecision(true, 0, 4 * KiB, 10 * KiB, null), first);
        Assert.Equal(new BudgetDecision(false, 6 * KiB, 4 * KiB, 10 * KiB, "Try sampling or a narrower time window"), denied);
        Assert.Equal(new BudgetDecision(true, 6 * KiB, 0, 10 * KiB, null), exact);
        Assert.Equal(new BudgetDecision(false, 10 * KiB, 0, 10 * KiB, BudgetDecision.DeniedSuggestion), over);
        await AssertServedByStoreAsync(limiter, org);
    }

    [Fact]
    public async Task Reconcile_replaces_the_estimate_by_the_actual_bytes_and_release_removes_it()
    {
        var limiter = Create(new CostOptions { HourlyBudgetBytes = 100 * KiB });
        var org = NewOrg();

        await limiter.ReserveAsync(org, 40 * KiB, "big-estimate", None);
        await limiter.ReserveAsync(org, 10 * KiB, "never-ran", None);
        Assert.Equal(50 * KiB, (await limiter.CheckAsync(org, 0)).BytesUsed);

        await limiter.ReconcileAsync(org, "big-estimate", 3 * KiB, None);
        await limiter.ReleaseAsync(org, "never-ran", None);
        Assert.Equal(3 * KiB, (await limiter.CheckAsync(org, 0)).BytesUsed);

        // Reconciling again (a retried step) changes nothing; reconciling up counts the larger actual.
        await limiter.ReconcileAsync(org, "big-estimate", 3 * KiB, None);
        Assert.Equal(3 * KiB, (await limiter.CheckAsync(org, 0)).BytesUsed);
        await limiter.ReconcileAsync(org, "big-estimate", 60 * KiB, None);
        Assert.Equal(60 * KiB, (await limiter.CheckAsync(org, 0)).BytesUsed);
        await AssertServedByStoreAsync(limiter, org);
    }

    [Fact]
    public async Task Reserving_the_same_id_again_is_an_idempotent_retry_and_check_reserves_nothing()
    {
        var limiter = Create(new CostOptions { HourlyBudgetBytes = 10 * KiB });
        var org = NewOrg();

        var first = await limiter.ReserveAsync(org, 6 * KiB, "q1", None);
        var retry = await limiter.ReserveAsync(org, 6 * KiB, "q1", None);
        var checks = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => limiter.CheckAsync(org, 4 * KiB)));

        Assert.Equal(first, retry);
        Assert.All(checks, c => Assert.True(c.Allowed));
        Assert.Equal(6 * KiB, (await limiter.CheckAsync(org, 0)).BytesUsed);
        await AssertServedByStoreAsync(limiter, org);
    }

    [Fact]
    public async Task Orgs_have_separate_windows_and_purge_empties_one()
    {
        var limiter = Create(new CostOptions { HourlyBudgetBytes = 10 * KiB });
        var (a, b) = (NewOrg(), NewOrg());

        await limiter.ReserveAsync(a, 10 * KiB, "q", None);
        var other = await limiter.ReserveAsync(b, 10 * KiB, "q", None);
        await limiter.PurgeAsync(a, None);

        Assert.True(other.Allowed);
        Assert.Equal(0, (await limiter.CheckAsync(a, 0)).BytesUsed);
        Assert.Equal(10 * KiB, (await limiter.CheckAsync(b, 0)).BytesUsed);
    }

    [Fact]
    public async Task Bad_arguments_are_refused()
    {
        var limiter = Create(new CostOptions());

        await Assert.ThrowsAsync<ArgumentException>(() => limiter.ReserveAsync(NewOrg(), 1, "a|b", None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => limiter.ReserveAsync(NewOrg(), -1, "a", None));
        await Assert.ThrowsAsync<ArgumentException>(() => limiter.CheckAsync(" ", 1));
    }
}
