namespace Autopilot.Core.Llm.Evaluation;

/// <summary>
/// One evaluation generation (LLM-10): the error when there was no usable memo, else the findings of each validation
/// check (MEMO-15..18) and the memo's top-level keys.
/// </summary>
public sealed record MemoRunOutcome(
    int Run,
    double LatencyMs,
    string? Error,
    int NumberErrors = 0,
    int MetricErrors = 0,
    int CoverageWarnings = 0,
    int CauseErrors = 0,
    IReadOnlyList<string>? MemoKeys = null)
{
    public bool ValidJson => Error is null;

    public bool PassedAllChecks => ValidJson && NumberErrors == 0 && MetricErrors == 0 && CoverageWarnings == 0 && CauseErrors == 0;
}
