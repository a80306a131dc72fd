namespace Autopilot.Core.Workflows;

/// <summary>Why a step failed, which decides whether it is retried (seed plan 1A.5 / 1B.4).</summary>
public enum FailureClass
{
    /// <summary>Took too long; retried.</summary>
    Timeout,

    /// <summary>A network or service hiccup; retried.</summary>
    TransientNetwork,

    /// <summary>Any other transient condition; retried.</summary>
    TransientError,

    /// <summary>Credentials lack a permission; not retried.</summary>
    PermissionDenied,

    /// <summary>A quota or budget is exhausted; not retried.</summary>
    QuotaExceeded,

    /// <summary>A dependency answered something unusable; not retried.</summary>
    MalformedResponse,

    /// <summary>The work itself is invalid (plan, SQL, input); not retried.</summary>
    ValidationFailed,

    /// <summary>An unexpected error (a bug); not retried.</summary>
    Internal,
}
