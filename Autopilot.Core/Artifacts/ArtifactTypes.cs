namespace Autopilot.Core.Artifacts;

/// <summary>ART-1: the artifact types the API names (only dashboards and memos are produced).</summary>
public static class ArtifactTypes
{
    public const string Dashboard = "dashboard";
    public const string Memo = "memo";
    public const string Query = "query";
    public const string Profile = "profile";

    public static IReadOnlyList<string> All { get; } = [Dashboard, Memo, Query, Profile];

    public static bool IsKnown(string type) => All.Contains(type, StringComparer.Ordinal);
}
