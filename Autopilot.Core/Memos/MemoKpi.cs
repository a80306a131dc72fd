namespace Autopilot.Core.Memos;

/// <summary>A packet KPI (MEMO-3..6): rounded values, deltas, significance and the SHA-256 of the SQL that computed it.</summary>
public sealed record MemoKpi(
    string MetricName,
    string Definition,
    double CurrentValue,
    double PreviousValue,
    double DeltaAbsolute,
    double DeltaPercent,
    string Significance,
    string QueryHash);
