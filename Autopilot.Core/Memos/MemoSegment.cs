namespace Autopilot.Core.Memos;

/// <summary>
/// A dimension value that moved a KPI: its value in the current window, the previous one, the change and the change's
/// share of the KPI's whole change (<c>delta_contribution_pct</c>, MEMO-19; null when the KPI did not change).
/// </summary>
public sealed record MemoSegment(
    string MetricName,
    string Dimension,
    string Segment,
    double Value,
    double Previous,
    double Delta,
    double? DeltaContributionPct);
