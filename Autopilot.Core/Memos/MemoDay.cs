namespace Autopilot.Core.Memos;

/// <summary>A KPI on one tenant-local day, and how many rows that day had.</summary>
public sealed record MemoDay(DateOnly Date, double Value, long RowCount);
