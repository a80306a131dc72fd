using System.Diagnostics;
using Autopilot.Core.Caching;

namespace Autopilot.Tests.Caching;

public static class RedisConnectionTestExtensions
{
    /// <summary>
    /// Waits until the connection answers (the first connect attempt may time out while the test host is busy
    /// starting; the client then reconnects by itself); returns how long that took.
    /// </summary>
    public static async Task<TimeSpan> WaitAvailableAsync(this RedisConnection redis, TimeSpan? timeout = null)
    {
        var watch = Stopwatch.StartNew();
        await redis.ConnectAsync();
        while (!redis.IsAvailable)
        {
            Assert.True(watch.Elapsed < (timeout ?? TimeSpan.FromSeconds(20)), "Redis did not become available");
            await Task.Delay(25);
        }

        return watch.Elapsed;
    }
}
