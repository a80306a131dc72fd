namespace Autopilot.Core.Dashboards;

/// <summary>One dashboard of a build to publish in Metabase: its template and its cards' outcomes in order.</summary>
public sealed record MetabasePublishInput(string TenantId, string WorkflowId, DashboardSpec Dashboard, IReadOnlyList<CardResult> Cards);
