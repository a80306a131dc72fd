namespace Autopilot.Core.Dashboards;

/// <summary>Which build's Metabase cards to delete after it failed.</summary>
public sealed record MetabaseCompensateInput(string TenantId, string WorkflowId);
