namespace Autopilot.Core.Workflows;

/// <summary>
/// A step failure with its class. The message starts with the class code (e.g. <c>TIMEOUT: …</c>) because the
/// engine carries only an exception's type and message across the activity boundary.
/// </summary>
public sealed class WorkflowStepException : Exception
{
    public WorkflowStepException(FailureClass failure, string message)
        : base($"{FailureClasses.Code(failure)}: {message}")
    {
        Failure = failure;
        Reason = message;
    }

    public WorkflowStepException(FailureClass failure, string message, Exception innerException)
        : base($"{FailureClasses.Code(failure)}: {message}", innerException)
    {
        Failure = failure;
        Reason = message;
    }

    public WorkflowStepException()
    {
        Reason = string.Empty;
    }

    public WorkflowStepException(string message) : base(message)
    {
        Reason = message;
    }

    public WorkflowStepException(string message, Exception innerException) : base(message, innerException)
    {
        Reason = message;
    }

    public FailureClass Failure { get; } = FailureClass.Internal;

    /// <summary>The message without the class prefix.</summary>
    public string Reason { get; }
}
