using Microsoft.DurableTask;

namespace Autopilot.Core.Workflows;

/// <summary>
/// The engine's retry policy for steps: TIMEOUT and TRANSIENT_* retried 3 times with 1 s / 4 s / 16 s backoff;
/// terminal classes (PERMISSION_DENIED, QUOTA_EXCEEDED, MALFORMED_RESPONSE, VALIDATION_FAILED, internal errors) fail at once.
/// </summary>
public static class StepRetry
{
    public const int MaxAttempts = 4;

    public static TaskOptions Default { get; } = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: MaxAttempts,
        firstRetryInterval: TimeSpan.FromSeconds(1),
        backoffCoefficient: 4,
        maxRetryInterval: TimeSpan.FromSeconds(16))
    {
        HandleFailure = failure => FailureClasses.IsRetryable(FailureClasses.Classify(failure.ErrorType, failure.ErrorMessage)),
    });
}
