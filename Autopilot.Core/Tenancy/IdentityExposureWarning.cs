using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Autopilot.Core.Tenancy;

/// <summary>Says loudly at start when identity headers are trusted from the network (issue 10: headers mode beyond loopback).</summary>
public sealed class IdentityExposureWarning(IdentityExposure exposure, ILogger<IdentityExposureWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (exposure.HeadersTrustedFromNetwork)
        {
            logger.LogWarning("SECURITY WARNING: {Warning}", IdentityExposure.Warning);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
