namespace Autopilot.Core.Memos;

/// <summary>One KPI's queries, for one memo run.</summary>
public sealed record MemoKpiRunInput(string TenantId, string WorkflowId, string ConnectionId, MemoKpiSpec Kpi);
