namespace Autopilot.Core.Workflows;

/// <summary>The recovery actions of <c>POST /api/v1/workflows/retry</c> (WF-11).</summary>
public enum RetryAction
{
    Retry,
    RetryWithSampling,
    SkipAndContinue,
}
