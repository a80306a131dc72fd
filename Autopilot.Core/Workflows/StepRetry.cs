using Microsoft.DurableTask;

namespace Autopilot.Core.Workflows;

/// <summary>The engine's retry policy for steps: 3 retries with 1 s / 4 s / 16 s backoff (seed plan 1A.5).</summary>
public static class StepRetry
{
    public static TaskOptions Default { get; } = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 4,
        firstRetryInterval: TimeSpan.FromSeconds(1),
        backoffCoefficient: 4,
        maxRetryInterval: TimeSpan.FromSeconds(16)));
}
