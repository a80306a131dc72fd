using Autopilot.Core.Api;
using Autopilot.Core.Artifacts;
using Autopilot.Core.Audit;

namespace Autopilot.Core.Memos;

/// <summary>HTTP handlers of the memo feature (spec §11 route #21).</summary>
public static class MemoEndpoints
{
    /// <summary>
    /// <c>GET /api/v1/memos/{artifact_id}/wow</c> (any role, MEMO-20): the latest two versions compared; with fewer, or an id
    /// the tenant does not have (another tenant's included), rows [] and a note. Audited as <c>memo_wow_viewed</c>.
    /// </summary>
    public static async Task<ApiResult> WeekOverWeek(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tenant = context.Tenant;
        var artifactId = context.RouteValue("artifact_id");
        var versions = await context.Service<ArtifactStore>().VersionsAsync(tenant, artifactId, context.Cancellation);
        object body;
        var rows = 0;
        if (versions.Count < 2)
        {
            body = new { artifact_id = artifactId, tenant_id = tenant, rows = Array.Empty<object>(), note = MemoWeekOverWeek.TooFewVersions };
        }
        else
        {
            var (older, newer) = (versions[^2], versions[^1]);
            var compared = MemoWeekOverWeek.Rows(older, newer);
            rows = compared.Count;
            body = new { artifact_id = artifactId, tenant_id = tenant, from_version = older.Version, to_version = newer.Version, rows = compared };
        }

        await context.Service<AuditLog>().AppendAsync(tenant, "memo_wow_viewed", new { artifact_id = artifactId, rows }, context.Cancellation);
        return ApiResult.Ok(body);
    }
}
