using Autopilot.Core.Caching;
using Autopilot.Core.Channels.Verification;
using Autopilot.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Autopilot.Tests.Channels.Verification;

/// <summary>CHAN-2: a signed request is accepted once within the window — across replicas through Redis, per process without it.</summary>
public sealed class ReplayGuardTests
{
    [Fact]
    public async Task Two_replicas_sharing_redis_accept_a_signature_once()
    {
        await using var first = new RedisConnection(TestEnvironment.RedisEndpoint, TimeProvider.System);
        await using var second = new RedisConnection(TestEnvironment.RedisEndpoint, TimeProvider.System);
        var (a, b) = (new ReplayGuard(first, TimeProvider.System), new ReplayGuard(second, TimeProvider.System));
        var signature = "v0=" + Guid.NewGuid().ToString("N");

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? a : b).TryClaimAsync("slack", "1800000000", signature, CancellationToken.None)));

        Assert.True(first.IsAvailable && second.IsAvailable);
        Assert.Single(claims, claimed => claimed);
        Assert.True(await a.TryClaimAsync("slack", "1800000001", signature, CancellationToken.None));
    }

    [Fact]
    public async Task Without_redis_the_process_remembers_a_signature_for_the_window_and_then_forgets_it()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
        await using var none = new RedisConnection((string?)null, clock);
        var guard = new ReplayGuard(none, clock);

        var firstUse = await guard.TryClaimAsync("slack", "1800000000", "v0=abc", CancellationToken.None);
        var replay = await guard.TryClaimAsync("slack", "1800000000", "v0=abc", CancellationToken.None);
        clock.Advance(ReplayGuard.Window - TimeSpan.FromSeconds(1));
        var stillReplay = await guard.TryClaimAsync("slack", "1800000000", "v0=abc", CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(2));
        var afterWindow = await guard.TryClaimAsync("slack", "1800000000", "v0=abc", CancellationToken.None);

        Assert.Equal((true, false, false, true), (firstUse, replay, stillReplay, afterWindow));
    }
}
