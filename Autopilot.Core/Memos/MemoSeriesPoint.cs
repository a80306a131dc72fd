namespace Autopilot.Core.Memos;

/// <summary>A KPI on one local day, for the memo page's sparklines: 0 on a day without rows.</summary>
public sealed record MemoSeriesPoint(string Date, double Value);
