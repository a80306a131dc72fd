namespace Autopilot.Core.Memos;

/// <summary>A KPI's raw value for one dimension value in each window.</summary>
public sealed record MemoSegmentValue(string Segment, double Current, double Previous);
