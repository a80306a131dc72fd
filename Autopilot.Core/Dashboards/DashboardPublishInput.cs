namespace Autopilot.Core.Dashboards;

/// <summary>One dashboard of a build, with its cards' outcomes in template order, to store as an artifact version.</summary>
public sealed record DashboardPublishInput(string TenantId, string WorkflowId, DashboardSpec Dashboard, IReadOnlyList<CardResult> Cards, string? MetabaseDashboardId = null);
