using Autopilot.Core;
using Autopilot.Core.Caching;
using Autopilot.Tests.Infrastructure;
using StackExchange.Redis;

namespace Autopilot.Tests.Caching;

public sealed class RedisConnectionTests
{
    [Fact]
    public async Task Without_a_REDIS_URL_there_is_no_database_and_nothing_connects()
    {
        await using var redis = new RedisConnection(new ServiceOptions { RedisUrl = "" }, TimeProvider.System);

        Assert.False(redis.IsConfigured);
        Assert.Null(redis.TryGetDatabase());
        Assert.Null(await redis.TryGetDatabaseAsync());
        Assert.False(await redis.ConnectAsync());
        Assert.Null(redis.Multiplexer);
    }

    [Fact]
    public async Task The_test_Redis_connects_once_and_reports_availability()
    {
        await using var redis = new RedisConnection(TestEnvironment.RedisEndpoint, TimeProvider.System);
        var changes = new List<bool>();
        redis.AvailabilityChanged += (_, available) => changes.Add(available);

        await redis.WaitAvailableAsync();
        var db = await redis.TryGetDatabaseAsync();

        Assert.NotNull(db);
        Assert.True(redis.IsAvailable);
        Assert.Same(redis.Multiplexer, db.Multiplexer);
        Assert.True(changes[^1]);
    }

    [Fact]
    public async Task A_reported_failure_sends_callers_to_the_fallback_briefly()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56));
        await using var redis = new RedisConnection(TestEnvironment.RedisEndpoint, time);
        await redis.WaitAvailableAsync();

        redis.ReportFailure(new TimeoutException("a command timed out"));
        Assert.Null(redis.TryGetDatabase());
        time.Advance(RedisConnection.SuspendAfterFailure);

        Assert.NotNull(redis.TryGetDatabase());
    }

    [Theory]
    [InlineData("redis://localhost:6379/0", "localhost:6379", 0, null, false)]
    [InlineData("redis://:s3cret@cache.internal:6380/2", "cache.internal:6380", 2, "s3cret", false)]
    [InlineData("rediss://cache.example.com", "cache.example.com:6379", null, null, true)]
    [InlineData("redis:6379", "redis:6379", null, null, false)]
    [InlineData("127.0.0.1:7000,password=x", "127.0.0.1:7000", null, "x", false)]
    public void REDIS_URL_accepts_URLs_and_client_syntax_and_is_always_fail_fast(string url, string endpoint, int? database, string? password, bool ssl)
    {
        var options = RedisConfiguration.FailFast(url);

        Assert.Equal(endpoint, Format(options.EndPoints.Single()));
        Assert.Equal((database, password, ssl), (options.DefaultDatabase, options.Password, options.Ssl));
        Assert.Equal((false, 500, 500, 500), (options.AbortOnConnectFail, options.ConnectTimeout, options.SyncTimeout, options.AsyncTimeout));
        Assert.Same(BacklogPolicy.FailFast, options.BacklogPolicy);
    }

    [Fact]
    public void A_REDIS_URL_that_is_not_an_endpoint_is_refused_naming_the_variable()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new RedisConnection("redis://host:notaport", TimeProvider.System));

        Assert.Contains("REDIS_URL", error.Message, StringComparison.Ordinal);
    }

    private static string Format(System.Net.EndPoint endpoint) => endpoint switch
    {
        System.Net.DnsEndPoint dns => $"{dns.Host}:{dns.Port}",
        System.Net.IPEndPoint ip => $"{ip.Address}:{ip.Port}",
        _ => endpoint.ToString()!,
    };
}
