using System.Globalization;
using System.Text.Json.Nodes;
using Autopilot.Core.Api;
using Autopilot.Core.Engine;
using Microsoft.DurableTask.Client;

namespace Autopilot.Core.Workflows;

/// <summary>How a trigger answers: queued at once (QUEUE-4), the final body within the wait (200), or 202 + where to poll.</summary>
public static class WorkflowResponses
{
    public static async Task<ApiResult> AnswerAsync(ApiContext context, LaunchResult launch, TimeSpan wait)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(launch);
        var tenant = launch.Ticket.TenantId;
        var statusUrl = StatusUrl(tenant, launch.WorkflowId);
        if (!launch.Decision.Admitted)
        {
            return ApiResult.Ok(new
            {
                workflow_status = WorkflowStatus.Queued,
                queue_id = launch.Decision.QueueId,
                queue_position = launch.Decision.Position,
                reason = launch.Decision.Reason,
                message = "Request queued.",
                workflow_id = launch.WorkflowId,
                status_url = statusUrl,
            });
        }

        var finished = wait > TimeSpan.Zero ? await WorkflowWaiter.WaitAsync(context.Durable, launch.WorkflowId, wait, context.Cancellation) : null;
        return finished switch
        {
            { RuntimeStatus: OrchestrationRuntimeStatus.Completed } done => ApiResult.Ok(done.ReadOutputAs<JsonObject>()!),
            { RuntimeStatus: OrchestrationRuntimeStatus.Terminated } => ApiResult.Ok(new { workflow_id = launch.WorkflowId, status = WorkflowStatus.Cancelled }),
            { RuntimeStatus: OrchestrationRuntimeStatus.Failed } failed => ApiResult.Ok(new
            {
                workflow_id = launch.WorkflowId,
                workflow_status = WorkflowStatus.Failed,
                error = CompleteWorkflowRunActivity.Sanitize(failed.FailureDetails?.ErrorMessage),
            }),
            _ => ApiResult.Accepted(new { workflow_id = launch.WorkflowId, workflow_status = WorkflowStatus.Running, status_url = statusUrl }),
        };
    }

    public static string StatusUrl(string tenant, string workflowId) =>
        $"/api/v1/workflows/{Uri.EscapeDataString(workflowId)}/status?org_id={Uri.EscapeDataString(tenant)}";

    /// <summary>The configured wait, optionally shortened per request with <c>wait_seconds</c>.</summary>
    public static TimeSpan WaitFor(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var configured = context.Service<ServiceOptions>().WorkflowWait;
        if (context.Query("wait_seconds") is not { } raw)
        {
            return configured;
        }

        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds < 0 || double.IsNaN(seconds))
        {
            throw ValidationException.Invalid("query", "wait_seconds", "float_parsing", "Input should be a non-negative number", raw);
        }

        return TimeSpan.FromSeconds(Math.Min(seconds, configured.TotalSeconds));
    }
}
