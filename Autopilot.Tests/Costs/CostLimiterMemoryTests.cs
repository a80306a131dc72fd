using Autopilot.Core.Caching;
using Autopilot.Core.Costs;
using Microsoft.Extensions.Time.Testing;

namespace Autopilot.Tests.Costs;

/// <summary>The in-memory window (no REDIS_URL), on a fake clock.</summary>
public sealed class CostLimiterMemoryTests : CostLimiterContract
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

    protected override CostLimiter Create(CostOptions options) => new(new RedisConnection(string.Empty, _time), options, _time);

    protected override Task AssertServedByStoreAsync(CostLimiter limiter, string orgId)
    {
        Assert.Equal(0, limiter.FallbackCount);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task An_entry_exactly_at_the_window_boundary_counts_and_one_millisecond_later_it_is_gone()
    {
        var limiter = Create(new CostOptions());
        var org = NewOrg();

        await limiter.ReserveAsync(org, 1000, "first", None);
        _time.Advance(TimeSpan.FromMinutes(30));
        await limiter.ReserveAsync(org, 2000, "second", None);

        _time.Advance(TimeSpan.FromMinutes(30) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(3000, (await limiter.CheckAsync(org, 0)).BytesUsed);
        _time.Advance(TimeSpan.FromMilliseconds(1)); // exactly 3600 s after the first
        Assert.Equal(3000, (await limiter.CheckAsync(org, 0)).BytesUsed);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(2000, (await limiter.CheckAsync(org, 0)).BytesUsed);
        _time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(0, (await limiter.CheckAsync(org, 0)).BytesUsed);
    }

    [Fact]
    public async Task Bytes_freed_by_the_window_are_admitted_again()
    {
        var limiter = Create(new CostOptions { HourlyBudgetBytes = 10 * KiB });
        var org = NewOrg();

        Assert.True((await limiter.ReserveAsync(org, 10 * KiB, "a", None)).Allowed);
        _time.Advance(TimeSpan.FromMinutes(59));
        Assert.False((await limiter.ReserveAsync(org, 1, "b", None)).Allowed);
        _time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromMilliseconds(1));
        Assert.True((await limiter.ReserveAsync(org, 10 * KiB, "c", None)).Allowed);
    }

    [Fact]
    public async Task A_reconciled_reservation_keeps_its_place_in_the_window()
    {
        var limiter = Create(new CostOptions());
        var org = NewOrg();

        await limiter.ReserveAsync(org, 9000, "q", None);
        _time.Advance(TimeSpan.FromMinutes(50));
        await limiter.ReconcileAsync(org, "q", 4000, None);
        _time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromMilliseconds(1));

        Assert.Equal(0, (await limiter.CheckAsync(org, 0)).BytesUsed);
    }
}
