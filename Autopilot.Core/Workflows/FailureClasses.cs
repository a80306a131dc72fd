namespace Autopilot.Core.Workflows;

/// <summary>Names and retry rules of <see cref="FailureClass"/> values.</summary>
public static class FailureClasses
{
    public static string Code(FailureClass failure) => failure switch
    {
        FailureClass.Timeout => "TIMEOUT",
        FailureClass.TransientNetwork => "TRANSIENT_NETWORK",
        FailureClass.TransientError => "TRANSIENT_ERROR",
        FailureClass.PermissionDenied => "PERMISSION_DENIED",
        FailureClass.QuotaExceeded => "QUOTA_EXCEEDED",
        FailureClass.MalformedResponse => "MALFORMED_RESPONSE",
        FailureClass.ValidationFailed => "VALIDATION_FAILED",
        _ => "INTERNAL",
    };

    public static bool IsRetryable(FailureClass failure) =>
        failure is FailureClass.Timeout or FailureClass.TransientNetwork or FailureClass.TransientError;

    /// <summary>Classifies an exception an activity threw (its type name and message, as the engine reports them).</summary>
    public static FailureClass Classify(string? errorType, string? message)
    {
        if (errorType?.EndsWith(nameof(WorkflowStepException), StringComparison.Ordinal) == true && message is not null)
        {
            foreach (var failure in Enum.GetValues<FailureClass>())
            {
                if (message.StartsWith(Code(failure) + ":", StringComparison.Ordinal))
                {
                    return failure;
                }
            }
        }

        return errorType switch
        {
            "System.TimeoutException" or "System.OperationCanceledException" or "System.Threading.Tasks.TaskCanceledException" => FailureClass.Timeout,
            "System.Net.Http.HttpRequestException" or "System.Net.Sockets.SocketException" or "System.IO.IOException" => FailureClass.TransientNetwork,
            "Azure.RequestFailedException" => FailureClass.TransientNetwork,
            _ => FailureClass.Internal,
        };
    }
}
