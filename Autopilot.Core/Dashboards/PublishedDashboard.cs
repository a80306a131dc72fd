namespace Autopilot.Core.Dashboards;

/// <summary>A stored dashboard: its artifact and version, and how many of its cards drew data, were empty or refused.</summary>
public sealed record PublishedDashboard(string Key, string Name, string ArtifactId, int Version, int CardsWithData, int CardsEmpty, int CardsRefused, string? MetabaseDashboardId);
