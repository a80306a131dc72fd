using Autopilot.Core.Audit;
using Autopilot.Core.Workflows;
using Microsoft.DurableTask;

namespace Autopilot.Core.Queries;

/// <summary>
/// Executes a claimed preview once: through the whole query path again (the gate, and the budget as it is now), then stores
/// the result — fitted to the stored-size limit — with a compare-and-swap on the ETag read at the start. Idempotent: an
/// executed preview is not run again, and the audit row is written once per preview.
/// </summary>
public sealed class RunApprovedQueryActivity : TaskActivity<QueryRunInput, QueryRunOutcome>
{
    private readonly QueryPreviewStore _store;
    private readonly QueryPath _path;
    private readonly AuditLog _audit;
    private readonly TimeProvider _time;

    public RunApprovedQueryActivity(QueryPreviewStore store, QueryPath path, AuditLog audit, TimeProvider time)
    {
        _store = store;
        _path = path;
        _audit = audit;
        _time = time;
    }

    public override async Task<QueryRunOutcome> RunAsync(TaskActivityContext context, QueryRunInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var cancellation = CancellationToken.None;
        if (await _store.GetAsync(input.TenantId, input.PreviewId, cancellation) is not var (preview, etag))
        {
            return QueryRunOutcome.Failed(FailureClasses.Code(FailureClass.ValidationFailed), "preview_id not found");
        }

        if (preview.Status == PreviewStatus.Executed)
        {
            return QueryRunOutcome.Executed; // a re-run after a crash that followed the store
        }

        try
        {
            var plan = await _path.PlanAsync(preview.TenantId, preview.ConnectionId, preview.Sql, cancellation);
            if (plan.Status == QueryPlanStatus.Blocked)
            {
                return await BlockedAsync(preview, etag, plan.Reasons, plan.RuleIds.Contains(QueryPath.WarehouseRejectedRule));
            }

            var outcome = await _path.RunAsync(plan with { Status = QueryPlanStatus.Ready }, preview.PreviewId, input.ShowPii, context.InstanceId, cancellation);
            var executed = preview with
            {
                Status = PreviewStatus.Executed,
                ExecutedAt = _time.GetUtcNow(),
                ActualBytes = outcome.ActualBytes,
                ResultJson = StoredQueryResult.Fit(outcome, _path.Options.MaxStoredResultBytes),
            };
            if (!await _store.TryReplaceAsync(executed, etag, cancellation))
            {
                // Someone moved the preview while it ran: done already means done; anything else is a retry, never an overwrite.
                return await _store.GetAsync(input.TenantId, input.PreviewId, cancellation) is { Preview.Status: PreviewStatus.Executed }
                    ? QueryRunOutcome.Executed
                    : throw new WorkflowStepException(FailureClass.TransientError, "the preview changed while its query ran");
            }

            await AuditOnceAsync(preview, "executed", outcome.ActualBytes);
            return QueryRunOutcome.Executed;
        }
        catch (QueryBlockedException blocked)
        {
            return await BlockedAsync(preview, etag, blocked.Reasons, warehouseRejected: false); // e.g. the budget filled up meanwhile
        }
        catch (WorkflowStepException failed) when (!FailureClasses.IsRetryable(failed.Failure))
        {
            await ReleaseAsync(preview, etag);
            return QueryRunOutcome.Failed(FailureClasses.Code(failed.Failure), CompleteWorkflowRunActivity.Sanitize(failed.Reason));
        }
    }

    private async Task<QueryRunOutcome> BlockedAsync(QueryPreview preview, Azure.ETag etag, IReadOnlyList<string> reasons, bool warehouseRejected)
    {
        await ReleaseAsync(preview, etag);
        await AuditOnceAsync(preview, "blocked", 0);
        return QueryRunOutcome.Blocked(reasons, warehouseRejected);
    }

    /// <summary>Gives a run that did not execute back to the approved state, so it can be approved and run again.</summary>
    private async Task ReleaseAsync(QueryPreview preview, Azure.ETag etag)
    {
        // A lost swap here means someone else already moved the preview on: there is nothing left to give back.
        _ = await _store.TryReplaceAsync(preview with { Status = PreviewStatus.Approved }, etag, CancellationToken.None);
    }

    private Task AuditOnceAsync(QueryPreview preview, string status, long actualBytes) =>
        _audit.AppendOnceAsync(preview.TenantId, "query_approved_run", new { preview_id = preview.PreviewId, status, actual_bytes = actualBytes },
            $"query_approved_run:{preview.PreviewId}:{preview.ApprovedAt?.ToUnixTimeMilliseconds()}", CancellationToken.None);
}
