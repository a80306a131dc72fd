using System.Globalization;
using Autopilot.Core.Admission;
using Autopilot.Core.Api;
using Autopilot.Core.Audit;
using Autopilot.Core.Storage;
using Microsoft.AspNetCore.Http;

namespace Autopilot.Core.Workflows;

public static partial class WorkflowEndpoints
{
    /// <summary>
    /// <c>GET /api/v1/workflows/queue</c> (spec §5.6): queued items with 1-based positions, paged by <c>limit</c> and
    /// <c>cursor</c>. Unlike the other lists this one runs oldest first: a position is the order of admission.
    /// </summary>
    public static async Task<ApiResult> Queue(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tenant = context.Tenant;
        var request = PageQuery.From(context);
        var admission = context.Service<AdmissionStore>();
        var page = await admission.PageQueuedAsync(tenant, request, context.Cancellation);
        var total = await admission.CountQueuedAsync(tenant, context.Cancellation);
        var before = request.Cursor?.Offset ?? 0;
        var service = await ServiceInFlightAsync(context);
        await context.Service<AuditLog>().AppendAsync(tenant, "queue_viewed", new { queued_total = total }, context.Cancellation);
        return ApiResult.Ok(new
        {
            org_id = tenant,
            queued_total = total,
            service,
            next_cursor = page.NextCursor,
            items = page.Items.Select((q, i) => new
            {
                queue_id = q.QueueId,
                workflow_id = q.WorkflowId,
                workflow_type = q.WorkflowType,
                reason = q.Reason,
                attempts = q.Attempts,
                position = before + i + 1,
                created_at = ApiTime.Format(q.CreatedAt),
            }),
        });
    }

    /// <summary><c>POST /api/v1/workflows/process-queue</c> (spec §5.5): admit what fits now; reclaim slots of vanished runs.</summary>
    public static async Task<ApiResult> ProcessQueue(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tenant = context.Tenant;
        var pass = await context.Service<QueueProcessor>().ProcessTenantAsync(context.Durable, tenant, context.Cancellation);
        var body = new
        {
            processed = pass.Processed,
            skipped = pass.Skipped,
            dead_lettered = pass.DeadLettered,
            deferred_due_capacity = pass.DeferredDueCapacity,
            queued_total = pass.QueuedTotal,
            slots_reclaimed = pass.SlotsReclaimed,
        };
        await context.Service<AuditLog>().AppendAsync(tenant, "queue_processed", body, context.Cancellation);
        return ApiResult.Ok(body);
    }

    /// <summary>
    /// <c>GET /api/v1/workflows/dead-letters</c> (spec §5.7), newest first; optional <c>from</c>/<c>to</c> (ISO dates,
    /// [from, to)); paged by <c>limit</c> and <c>cursor</c>.
    /// </summary>
    public static async Task<ApiResult> DeadLetters(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tenant = context.Tenant;
        var from = Date(context, "from");
        var to = Date(context, "to");
        var page = await context.Service<DeadLetterStore>().ListPageAsync(tenant, from, to, PageQuery.From(context), context.Cancellation);
        var letters = page.Items;
        await context.Service<AuditLog>().AppendAsync(tenant, "dead_letters_viewed", new { count = letters.Count }, context.Cancellation);
        return ApiResult.Ok(new
        {
            org_id = tenant,
            next_cursor = page.NextCursor,
            items = letters.Select(l => new
            {
                dead_letter_id = l.DeadLetterId,
                queue_id = l.QueueId,
                workflow_id = l.WorkflowId,
                workflow_type = l.WorkflowType,
                status = l.Status,
                failure_class = l.FailureClass,
                input_hash = l.InputHash,
                error_history = l.ErrorHistory.Select(e => new { at = ApiTime.Format(e.At) + "Z", attempt = e.Attempt, step = e.Step, failure_class = e.FailureClass, error = e.Error }),
                step_states = l.StepStates.Select(s => new { step = s.Step, status = s.Status, attempts = s.Attempts, output_summary = s.OutputJson, error = s.Error }),
                created_at = ApiTime.Format(l.CreatedAt),
                requeued_at = ApiTime.Format(l.RequeuedAt),
            }),
        });
    }

    /// <summary><c>POST /api/v1/workflows/dead-letters/{dead_letter_id}/requeue</c>: a fresh cycle of attempts for a dead-lettered workflow.</summary>
    public static async Task<ApiResult> RequeueDeadLetter(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tenant = context.Tenant;
        var id = context.RouteValue("dead_letter_id");
        var store = context.Service<DeadLetterStore>();
        var letter = (await store.ListAsync(tenant, null, null, context.Cancellation)).FirstOrDefault(l => l.DeadLetterId == id)
            ?? throw new ApiException(StatusCodes.Status404NotFound, "dead letter not found");
        if (letter.Status != WorkflowStatus.DeadLetter)
        {
            throw new ApiException(StatusCodes.Status409Conflict, $"dead letter {id} was already re-queued");
        }

        var run = await context.Service<WorkflowRunStore>().GetAsync(tenant, letter.WorkflowId, context.Cancellation)
            ?? throw new ApiException(StatusCodes.Status404NotFound, "workflow not found");
        var kind = WorkflowKinds.Find(run.WorkflowType, includeTestKinds: true)
            ?? throw new ApiException(StatusCodes.Status400BadRequest, "Unsupported workflow_type");
        await store.MarkRequeuedAsync(tenant, letter.WorkflowId, context.Service<TimeProvider>().GetUtcNow(), context.Cancellation);

        // Attempts start over: the re-queued run is attempt 1 of a new cycle (its completed steps are still reused).
        var launch = await context.Service<WorkflowLauncher>().RelaunchAsync(context.Durable, run with { Attempts = 0 }, kind, RetryAction.Retry, context.Cancellation);
        await context.Service<AuditLog>().AppendAsync(tenant, "dead_letter_requeued",
            new { dead_letter_id = id, workflow_id = letter.WorkflowId, workflow_type = letter.WorkflowType, queued = !launch.Decision.Admitted }, context.Cancellation);
        return await WorkflowResponses.AnswerAsync(context, launch, WorkflowResponses.WaitFor(context));
    }

    private static DateTimeOffset? Date(ApiContext context, string name)
    {
        if (context.Query(name) is not { } raw)
        {
            return null;
        }

        return DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : throw ValidationException.Invalid("query", name, "datetime_parsing", "Input should be an ISO-8601 date or date-time", raw);
    }
}
