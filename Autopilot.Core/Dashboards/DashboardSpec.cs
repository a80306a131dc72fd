namespace Autopilot.Core.Dashboards;

/// <summary>A dashboard template chosen for a tenant's catalog, with its cards in layout order.</summary>
public sealed record DashboardSpec(string Key, string Name, IReadOnlyList<DashboardCardSpec> Cards);
