namespace Autopilot.Core.Dashboards;

/// <summary>What the template step needs: whose catalog, for which run.</summary>
public sealed record DashboardStepInput(string TenantId, string WorkflowId, string ConnectionId);
