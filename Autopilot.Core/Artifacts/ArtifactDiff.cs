using System.Text.Json.Nodes;

namespace Autopilot.Core.Artifacts;

/// <summary>ART-7/8: what changed between two versions — query hashes added and removed, and whether the data differs.</summary>
public static class ArtifactDiff
{
    public const string VersionNotFound = "Version not found";
    public const string NeedTwoVersions = "Need at least 2 versions";

    /// <summary>
    /// Compares the requested versions, or the two highest when <paramref name="from"/> and <paramref name="to"/> are not
    /// both given. The note says why there are no changes when a comparison was not possible.
    /// </summary>
    public static ArtifactComparison Compare(IReadOnlyList<ArtifactVersion> versions, int? from, int? to)
    {
        ArgumentNullException.ThrowIfNull(versions);
        ArtifactVersion? older;
        ArtifactVersion? newer;
        if (from is { } f && to is { } t)
        {
            older = versions.FirstOrDefault(v => v.Version == f);
            newer = versions.FirstOrDefault(v => v.Version == t);
            if (older is null || newer is null)
            {
                return new ArtifactComparison(f, t, [], VersionNotFound);
            }
        }
        else
        {
            if (versions.Count < 2)
            {
                return new ArtifactComparison(null, null, [], NeedTwoVersions);
            }

            var ordered = versions.OrderBy(v => v.Version).ToList();
            (older, newer) = (ordered[^2], ordered[^1]);
        }

        return new ArtifactComparison(older.Version, newer.Version, Changes(older, newer), Note: null);
    }

    private static List<ArtifactChange> Changes(ArtifactVersion older, ArtifactVersion newer)
    {
        var changes = new List<ArtifactChange>();
        var added = newer.QueryHashes.Except(older.QueryHashes, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var removed = older.QueryHashes.Except(newer.QueryHashes, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (added.Count > 0)
        {
            changes.Add(new ArtifactChange("query_hash_added", added, null, null));
        }

        if (removed.Count > 0)
        {
            changes.Add(new ArtifactChange("query_hash_removed", removed, null, null));
        }

        if (!JsonNode.DeepEquals(older.Data, newer.Data))
        {
            changes.Add(new ArtifactChange("artifact_data_changed", null, older.Version, newer.Version));
        }

        return changes;
    }
}
