using Autopilot.Core.Api;
using Autopilot.Core.Audit;
using Autopilot.Core.Storage;
using Microsoft.AspNetCore.Http;

namespace Autopilot.Core.Artifacts;

/// <summary>
/// Routes #16–#20 (spec §11, ART-4..9), any role, tenant from query <c>org_id</c>. Every read names the authorised
/// tenant's partition, so another tenant's artifact id is answered exactly like an unknown one.
/// </summary>
public static partial class ArtifactEndpoints
{
    public const string NotFound = "Artifact not found";

    /// <summary>Schema stage of the list: an unknown <c>artifact_type</c> is a 422 naming the allowed values (the seed answered 500).</summary>
    public static object BindList(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var type = context.Query("artifact_type");
        if (type is not null && !ArtifactTypes.IsKnown(type))
        {
            throw ValidationException.Invalid("query", "artifact_type", "enum", $"Input should be {Allowed()}", type);
        }

        return new ArtifactListRequest(type);
    }

    /// <summary>
    /// <c>GET /api/v1/artifacts</c>: ART-4, newest-created first. Not paged: a tenant has one artifact per (type, template) —
    /// a handful — however many versions each has (those are paged by the versions route).
    /// </summary>
    public static async Task<ApiResult> List(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request<ArtifactListRequest>();
        var artifacts = await context.Service<ArtifactStore>().ListAsync(context.Tenant, request.Type, context.Cancellation);
        await context.Service<AuditLog>().AppendAsync(context.Tenant, "artifacts_listed", new { count = artifacts.Count }, context.Cancellation);
        return ApiResult.Ok(new
        {
            items = artifacts.Select(a => new
            {
                artifact_id = a.ArtifactId,
                type = a.Type,
                version = a.Version,
                stale = a.Stale,
                created_at = ApiTime.Format(a.CreatedAt),
            }),
        });
    }

    /// <summary><c>GET /api/v1/artifacts/{artifact_id}</c>: the artifact with its latest version's hashes and data.</summary>
    public static async Task<ApiResult> Get(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (artifact, latest) = await LatestAsync(context.Service<ArtifactStore>(), context.Tenant, context.RouteValue("artifact_id"), context.Cancellation)
            ?? throw new ApiException(StatusCodes.Status404NotFound, NotFound);
        await context.Service<AuditLog>().AppendAsync(context.Tenant, "artifact_viewed", new { artifact_id = artifact.ArtifactId, version = artifact.Version }, context.Cancellation);
        return ApiResult.Ok(new
        {
            artifact_id = artifact.ArtifactId,
            tenant_id = artifact.TenantId,
            type = artifact.Type,
            version = artifact.Version,
            stale = artifact.Stale,
            query_hashes = latest.QueryHashes,
            data = latest.Data,
            created_at = ApiTime.Format(artifact.CreatedAt),
        });
    }

    /// <summary>The tenant's artifact and its latest version; null when the id is malformed, unknown or another tenant's.</summary>
    public static async Task<(Artifact Artifact, ArtifactVersion Latest)?> LatestAsync(ArtifactStore store, string tenant, string artifactId, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (!ArtifactIds.IsWellFormed(artifactId) || await store.GetAsync(tenant, artifactId, cancellation) is not { } artifact)
        {
            return null;
        }

        // The head and its version are written in one transaction, so a head always has its latest version.
        var latest = await store.VersionAsync(tenant, artifactId, artifact.Version, cancellation)
            ?? throw new InvalidOperationException($"Artifact {artifactId} has no version {artifact.Version}.");
        return (artifact, latest);
    }

    private static string Allowed()
    {
        var quoted = ArtifactTypes.All.Select(t => $"'{t}'").ToList();
        return string.Join(", ", quoted[..^1]) + " or " + quoted[^1];
    }
}
