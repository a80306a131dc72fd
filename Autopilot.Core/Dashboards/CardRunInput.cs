namespace Autopilot.Core.Dashboards;

/// <summary>One card's query, for one build.</summary>
public sealed record CardRunInput(string TenantId, string WorkflowId, string ConnectionId, string DashboardKey, DashboardCardSpec Card);
