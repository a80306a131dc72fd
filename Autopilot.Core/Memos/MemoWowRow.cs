namespace Autopilot.Core.Memos;

/// <summary>One metric week over week (MEMO-20): the older version's current value, the newer's, and their difference.</summary>
public sealed record MemoWowRow(string Metric, double? PreviousWeekValue, double? CurrentWeekValue, double? Change);
