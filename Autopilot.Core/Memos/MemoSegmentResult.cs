namespace Autopilot.Core.Memos;

/// <summary>A KPI split by one dimension, or why the query path refused the split (a data-quality note, not a failure).</summary>
public sealed record MemoSegmentResult(string MetricName, string Dimension, IReadOnlyList<MemoSegmentValue> Values, string? Refusal, IReadOnlyList<string> Tables);
