namespace Autopilot.Core.Memos;

/// <summary>One KPI split by one dimension, for one memo run.</summary>
public sealed record MemoSegmentRunInput(string TenantId, string WorkflowId, string ConnectionId, string MetricName, int Decimals, MemoSegmentSpec Segment);
