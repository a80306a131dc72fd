using Autopilot.Core.Api;
using Autopilot.Core.Artifacts;
using Autopilot.Core.Audit;
using Autopilot.Core.Catalog;
using Microsoft.AspNetCore.Http;

namespace Autopilot.Core.Pages;

/// <summary>
/// The app's own pages, tenant-scoped exactly like the API (same identity headers or token, <c>org_id</c>, any role; the
/// dispatcher enforces it) and answered as HTML, errors included (<see cref="HtmlPage.Error"/>). An unknown id, another
/// tenant's, or an artifact of the other type is one and the same 404.
/// </summary>
public static class PageEndpoints
{
    /// <summary><c>GET /dashboards/{artifact_id}</c>: the dashboard artifact's latest version as a page.</summary>
    public static async Task<ApiResult> Dashboard(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (artifact, latest) = await FindAsync(context, ArtifactTypes.Dashboard, "Dashboard not found");
        var catalog = await context.Service<CatalogStore>().ListTablesAsync(context.Tenant, context.Cancellation);
        await AuditAsync(context, "dashboard_page_viewed", artifact);
        return HtmlPage.Respond(StatusCodes.Status200OK, DashboardPage.Render(artifact, latest, catalog));
    }

    /// <summary><c>GET /memos/{artifact_id}</c>: the memo artifact's latest version as a page.</summary>
    public static async Task<ApiResult> Memo(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (artifact, latest) = await FindAsync(context, ArtifactTypes.Memo, "Memo not found");
        await AuditAsync(context, "memo_page_viewed", artifact);
        return HtmlPage.Respond(StatusCodes.Status200OK, MemoPage.Render(artifact, latest));
    }

    private static async Task<(Artifact Artifact, ArtifactVersion Latest)> FindAsync(ApiContext context, string type, string notFound)
    {
        var found = await ArtifactEndpoints.LatestAsync(context.Service<ArtifactStore>(), context.Tenant, context.RouteValue("artifact_id"), context.Cancellation);
        return found is { } f && f.Artifact.Type == type ? f : throw new ApiException(StatusCodes.Status404NotFound, notFound);
    }

    private static Task AuditAsync(ApiContext context, string eventType, Artifact artifact) =>
        context.Service<AuditLog>().AppendAsync(context.Tenant, eventType, new { artifact_id = artifact.ArtifactId, version = artifact.Version }, context.Cancellation);
}
