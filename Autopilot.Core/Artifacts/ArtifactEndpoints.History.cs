using System.Globalization;
using Autopilot.Core.Api;
using Autopilot.Core.Audit;
using Autopilot.Core.Catalog;
using Autopilot.Core.Storage;

namespace Autopilot.Core.Artifacts;

/// <summary>Versions, lineage and diff: an unknown (or another tenant's) id answers empty lists, as the seed does.</summary>
public static partial class ArtifactEndpoints
{
    /// <summary><c>GET /api/v1/artifacts/{artifact_id}/versions</c>: ART-5, oldest first, paged (<c>limit</c>, <c>cursor</c>): a weekly memo gains 52 a year.</summary>
    public static async Task<ApiResult> Versions(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var artifactId = context.RouteValue("artifact_id");
        var page = PageQuery.From(context);
        var versions = ArtifactIds.IsWellFormed(artifactId)
            ? await context.Service<ArtifactStore>().VersionsPageAsync(context.Tenant, artifactId, page, context.Cancellation)
            : new ItemPage<ArtifactVersion>([], null);
        await context.Service<AuditLog>().AppendAsync(context.Tenant, "artifact_versions_viewed", new { artifact_id = artifactId, count = versions.Items.Count }, context.Cancellation);
        return ApiResult.Ok(new
        {
            artifact_id = artifactId,
            next_cursor = versions.NextCursor,
            items = versions.Items.Select(v => new
            {
                version = v.Version,
                created_at = ApiTime.Format(v.CreatedAt),
                query_hashes = v.QueryHashes,
                data = v.Data,
            }),
        });
    }

    /// <summary>
    /// <c>GET /api/v1/artifacts/{artifact_id}/lineage</c>: ART-6 corrected by <see cref="ArtifactLineage"/> — one table node
    /// per table the latest version's queries actually read (recorded from the gate's parse tree when they ran), not every
    /// table of the catalog; the catalog only supplies each table's row count and freshness.
    /// </summary>
    public static async Task<ApiResult> Lineage(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var artifactId = context.RouteValue("artifact_id");
        var graph = new LineageGraph([], []);
        if (await LatestAsync(context.Service<ArtifactStore>(), context.Tenant, artifactId, context.Cancellation) is { } found)
        {
            var catalog = await context.Service<CatalogStore>().ListTablesAsync(context.Tenant, context.Cancellation);
            graph = ArtifactLineage.Build(found.Artifact, found.Latest, catalog);
        }

        await context.Service<AuditLog>().AppendAsync(context.Tenant, "artifact_lineage_viewed", new { artifact_id = artifactId, nodes = graph.Nodes.Count }, context.Cancellation);
        return ApiResult.Ok(new { artifact_id = artifactId, tenant_id = context.Tenant, nodes = graph.Nodes, edges = graph.Edges });
    }

    /// <summary>Schema stage of the diff: <c>from_version</c> and <c>to_version</c> are whole numbers when given (else 422).</summary>
    public static object BindDiff(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new ArtifactDiffRequest(Version(context, "from_version"), Version(context, "to_version"));
    }

    /// <summary><c>GET /api/v1/artifacts/{artifact_id}/diff</c>: ART-7/8 between the requested versions or the two highest.</summary>
    public static async Task<ApiResult> Diff(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var artifactId = context.RouteValue("artifact_id");
        var request = context.Request<ArtifactDiffRequest>();
        var versions = ArtifactIds.IsWellFormed(artifactId)
            ? await context.Service<ArtifactStore>().VersionsAsync(context.Tenant, artifactId, context.Cancellation)
            : [];
        var comparison = ArtifactDiff.Compare(versions, request.FromVersion, request.ToVersion);
        var changes = comparison.Changes.Select(Change).ToList();
        await context.Service<AuditLog>().AppendAsync(context.Tenant, "artifact_diff_viewed", new { artifact_id = artifactId, changes = changes.Count }, context.Cancellation);
        return comparison.Note is { } note
            ? ApiResult.Ok(new { artifact_id = artifactId, tenant_id = context.Tenant, changes, note })
            : ApiResult.Ok(new { artifact_id = artifactId, tenant_id = context.Tenant, from_version = comparison.FromVersion, to_version = comparison.ToVersion, changes });
    }

    /// <summary>ART-8's entries carry either the hashes or the two versions, never both.</summary>
    private static object Change(ArtifactChange change) => change.Values is { } values
        ? new { type = change.Type, values }
        : new { type = change.Type, from_version = change.FromVersion, to_version = change.ToVersion };

    private static int? Version(ApiContext context, string name)
    {
        if (context.Query(name) is not { } raw)
        {
            return null;
        }

        return int.TryParse(raw.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw ValidationException.Invalid("query", name, "int_parsing", "Input should be a valid integer, unable to parse string as an integer", raw);
    }
}
