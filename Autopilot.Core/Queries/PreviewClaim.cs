using Autopilot.Core.Api;
using Azure;
using Microsoft.AspNetCore.Http;

namespace Autopilot.Core.Queries;

/// <summary>
/// Compare-and-swap moves of a preview for approve-run. A lost swap means another request moved the preview first: it is
/// answered 409 at once, never retried with a fresh ETag (which would overwrite what that request did).
/// </summary>
public static class PreviewClaim
{
    public const string Lost = "Another approve-run moved this preview first; call approve-run again for its result";

    /// <summary>Claims the preview for one run (<c>executing</c>) if it is unchanged since <paramref name="etag"/>.</summary>
    public static async Task<QueryPreview> ExecuteAsync(QueryPreviewStore store, QueryPreview preview, ETag etag, string approver, DateTimeOffset now, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(preview);
        var claimed = preview with
        {
            Status = PreviewStatus.Executing,
            ApprovedAt = now,
            ApprovedBy = preview.ApprovedBy ?? (preview.RequiresApproval ? approver : null),
        };
        return await store.TryReplaceAsync(claimed, etag, cancellation) ? claimed : throw new ApiException(StatusCodes.Status409Conflict, Lost);
    }

    /// <summary>Marks an agent run's preview approved if it is unchanged since <paramref name="etag"/>.</summary>
    public static async Task ApproveAsync(QueryPreviewStore store, QueryPreview preview, ETag etag, string approver, DateTimeOffset now, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(preview);
        if (!await store.TryReplaceAsync(preview with { Status = PreviewStatus.Approved, ApprovedAt = now, ApprovedBy = approver }, etag, cancellation))
        {
            throw new ApiException(StatusCodes.Status409Conflict, Lost);
        }
    }
}
