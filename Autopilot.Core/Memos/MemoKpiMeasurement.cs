namespace Autopilot.Core.Memos;

/// <summary>
/// A KPI as the warehouse answered it: its raw value in each window, the daily series (days with rows only), the stable
/// hash of its SQL (SHA-256) and the tables the query read.
/// </summary>
public sealed record MemoKpiMeasurement(
    MemoKpiSpec Kpi,
    double Current,
    double Previous,
    IReadOnlyList<MemoDay> Series,
    string QueryHash,
    IReadOnlyList<string> Tables);
