namespace Autopilot.Core.Llm.Evaluation;

/// <summary>LLM-10's statistics of one provider over its runs: counts of runs that passed each check, errors, up to 3 samples.</summary>
public sealed record MemoProviderStats(
    int Runs,
    int ValidJson,
    int NumbersOk,
    int MetricNamesOk,
    int CoverageOk,
    int CausesOk,
    int PassedAllChecks,
    double AvgLatencyMs,
    IReadOnlyList<string> Errors,
    IReadOnlyList<MemoRunOutcome> Samples)
{
    public static MemoProviderStats Of(IReadOnlyList<MemoRunOutcome> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var valid = runs.Where(r => r.ValidJson).ToList();
        return new MemoProviderStats(
            runs.Count,
            valid.Count,
            valid.Count(r => r.NumberErrors == 0),
            valid.Count(r => r.MetricErrors == 0),
            valid.Count(r => r.CoverageWarnings == 0),
            valid.Count(r => r.CauseErrors == 0),
            runs.Count(r => r.PassedAllChecks),
            runs.Count == 0 ? 0 : Math.Round(runs.Sum(r => r.LatencyMs) / runs.Count, 2),
            runs.Where(r => r.Error is not null).Select(r => $"run {r.Run}: {r.Error}").ToList(),
            valid.Take(3).ToList());
    }
}
