using Autopilot.Core.Catalog;

namespace Autopilot.Core.Artifacts;

/// <summary>
/// ART-6, corrected: the artifact's node, and one node and <c>depends_on</c> edge per table its queries actually read
/// (recorded per version from the gate's parse tree) — not every table of the catalog. A table the catalog no longer
/// has is still drawn, with <c>in_catalog: false</c>, so lineage never hides a dependency.
/// </summary>
public static class ArtifactLineage
{
    public static LineageGraph Build(Artifact artifact, ArtifactVersion version, IReadOnlyList<CatalogTable> catalog)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(catalog);
        var root = new LineageNode(
            $"artifact:{artifact.ArtifactId}",
            "artifact",
            $"{artifact.Type} v{version.Version}",
            new Dictionary<string, object?> { ["artifact_id"] = artifact.ArtifactId, ["query_hashes"] = version.QueryHashes });
        var nodes = new List<LineageNode> { root };
        var edges = new List<LineageEdge>();
        foreach (var name in version.Tables.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase))
        {
            var table = catalog.FirstOrDefault(t => string.Equals($"{t.Dataset}.{t.Table}", name, StringComparison.OrdinalIgnoreCase));
            var meta = new Dictionary<string, object?>
            {
                ["row_count_est"] = table?.RowCount,
                ["freshness_hours"] = table?.FreshnessHours,
                ["in_catalog"] = table is not null,
            };
            var node = new LineageNode($"table:{name}", "table", name, meta);
            nodes.Add(node);
            edges.Add(new LineageEdge(root.Id, node.Id, "depends_on"));
        }

        return new LineageGraph(nodes, edges);
    }
}
