using Microsoft.Extensions.Hosting;

namespace Autopilot.Core.Caching;

/// <summary>Connects to Redis while the host starts (at most the connect timeout), so early requests find it ready.</summary>
internal sealed class RedisConnectionStarter(RedisConnection redis) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => redis.ConnectAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
