using System.Text.Json;
using Autopilot.Core.Api;
using Autopilot.Core.Audit;
using Autopilot.Core.Connectors;
using Autopilot.Core.Dashboards;
using Autopilot.Core.Engine;
using Autopilot.Core.Memos;
using Autopilot.Core.Profiling;
using Autopilot.Core.Workflows.Testing;
using Microsoft.AspNetCore.Http;

namespace Autopilot.Core.Workflows;

/// <summary>HTTP handlers of the workflow API (spec §5).</summary>
public static partial class WorkflowEndpoints
{
    /// <summary><c>POST /api/v1/workflows/profile</c>: admits (or queues) and starts <see cref="ProfileWarehouseOrchestration"/>.</summary>
    public static async Task<ApiResult> StartProfile(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var sampling = string.Equals(context.Query("sampling"), "true", StringComparison.OrdinalIgnoreCase);
        var wait = WorkflowResponses.WaitFor(context);
        var launch = await context.Service<WorkflowTriggers>().ProfileAsync(context.Durable, context.Tenant, sampling, context.Cancellation);
        return await WorkflowResponses.AnswerAsync(context, launch, wait);
    }

    /// <summary>
    /// <c>POST /api/v1/workflows/dashboard</c>: admits (or queues) and starts <see cref="DashboardBuildOrchestration"/>, which
    /// profiles first when the tenant has no catalog. A build that fails answers the partial-failure body with a retry
    /// action (the seed's 500, DASH-10, is gone).
    /// </summary>
    public static async Task<ApiResult> StartDashboard(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var wait = WorkflowResponses.WaitFor(context);
        var launch = await context.Service<WorkflowTriggers>().DashboardAsync(context.Durable, context.Tenant, context.Cancellation);
        return await WorkflowResponses.AnswerAsync(context, launch, wait);
    }

    /// <summary>
    /// <c>POST /api/v1/workflows/memo</c>: admits (or queues) and starts <see cref="WeeklyMemoOrchestration"/> with its windows
    /// ending before today in the tenant's timezone; it profiles first when the tenant has no catalog. A stage that fails
    /// answers the partial-failure body with a retry action.
    /// </summary>
    public static async Task<ApiResult> StartMemo(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var wait = WorkflowResponses.WaitFor(context);
        var launch = await context.Service<WorkflowTriggers>().MemoAsync(context.Durable, context.Tenant, context.Cancellation);
        return await WorkflowResponses.AnswerAsync(context, launch, wait);
    }

    /// <summary>Schema stage of <see cref="StartFaultTest"/>; a disabled test route is 404 for every caller, before the role check.</summary>
    public static object BindFaultTest(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Service<ServiceOptions>().EnableTestWorkflows)
        {
            throw new ApiException(StatusCodes.Status404NotFound, "Not Found");
        }

        return context.Body is { } body ? body.Deserialize<FaultTestRequest>(AutopilotJson.Options) ?? new FaultTestRequest() : new FaultTestRequest();
    }

    /// <summary>
    /// <c>POST /api/v1/workflows/fault-test</c>: the fault-injection workflow, for tests of the workflow machinery.
    /// 404 unless AUTOPILOT_ENABLE_TEST_WORKFLOWS=true. Body: <c>{"steps":5,"step_delay_ms":100,"faults":{"step_3":{"failure":"timeout","times":2}}}</c>.
    /// </summary>
    public static async Task<ApiResult> StartFaultTest(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tenant = context.Tenant;
        var wait = WorkflowResponses.WaitFor(context);
        var request = context.Request<FaultTestRequest>();
        if (request.Steps is < 1 or > 50 || request.StepDelayMs is < 0 or > 60_000)
        {
            throw new ApiException(StatusCodes.Status400BadRequest, "steps must be 1–50 and step_delay_ms 0–60000");
        }

        var launch = await context.Service<WorkflowLauncher>().LaunchAsync(context.Durable, tenant, WorkflowKinds.FaultTest, null,
            ticket => new FaultInjectionInput(ticket, request.Steps, request.StepDelayMs, request.Faults ?? new Dictionary<string, StepFault>(), false, false),
            context.Cancellation);
        return await WorkflowResponses.AnswerAsync(context, launch, wait);
    }

    /// <summary>Schema stage of <see cref="Retry"/>: <c>workflow_type</c> is required (422 before the scope and role checks).</summary>
    public static object BindRetry(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.RequiredQuery("workflow_type");
    }

    /// <summary>
    /// <c>POST /api/v1/workflows/retry</c> (WF-9..13): another attempt of a failed run under its workflow id — completed
    /// steps are reused — with <c>retry</c>, <c>retry_with_sampling</c> or <c>skip_and_continue</c> where the step graph allows;
    /// with no failed run to resume, a fresh run with the action's choices.
    /// </summary>
    public static async Task<ApiResult> Retry(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var workflowType = context.Request<string>();
        var tenant = context.Tenant;
        var options = context.Service<ServiceOptions>();
        var kind = WorkflowKinds.Find(workflowType, options.EnableTestWorkflows)
            ?? throw new ApiException(StatusCodes.Status400BadRequest, "Unsupported workflow_type");
        var actionName = context.Query("action") ?? "retry";
        var action = actionName switch
        {
            "retry_with_sampling" => RetryAction.RetryWithSampling,
            "skip_and_continue" => RetryAction.SkipAndContinue,
            _ => RetryAction.Retry,
        };

        var wait = WorkflowResponses.WaitFor(context);
        var runs = context.Service<WorkflowRunStore>();
        var workflowId = context.Query("workflow_id");
        var run = workflowId is null ? null : await runs.GetAsync(tenant, workflowId, context.Cancellation);
        if (run is not null && run.WorkflowType != kind.Type)
        {
            run = null;
        }

        // Without a (matching) id, the tenant's most recent failed run of the type is resumed (WF-9)...
        run ??= (await runs.ListAsync(tenant, null, kind.Type, context.Cancellation))
            .FirstOrDefault(r => r.Status is WorkflowStatus.PartialFailure or WorkflowStatus.Failed);
        if (run is null)
        {
            // ...and when there is none, a fresh run is started with the action's choices (WF-9, WF-11).
            return await RetryFreshAsync(context, tenant, kind, action, actionName, wait);
        }

        if (run.Status is WorkflowStatus.Running or WorkflowStatus.Queued)
        {
            throw new ApiException(StatusCodes.Status409Conflict, $"Workflow {run.WorkflowId} is still {run.Status}");
        }

        if (run.Status == WorkflowStatus.DeadLetter)
        {
            throw new ApiException(StatusCodes.Status409Conflict, $"Workflow {run.WorkflowId} is dead-lettered; re-queue it from /api/v1/workflows/dead-letters");
        }

        if (action == RetryAction.SkipAndContinue)
        {
            var history = await context.Service<DeadLetterStore>().HistoryAsync(tenant, run.WorkflowId, context.Cancellation);
            var failedStep = history.Count > 0 ? history[^1].Step : null;
            if (failedStep is null || !kind.SkippableSteps.Contains(failedStep))
            {
                throw new ApiException(StatusCodes.Status400BadRequest,
                    $"skip_and_continue is not allowed here: {(failedStep is null ? "the run has no failed step" : $"later steps need the output of '{failedStep}'")}");
            }
        }

        var launch = await context.Service<WorkflowLauncher>().RelaunchAsync(context.Durable, run, kind, action, context.Cancellation);
        return await AuditRetryAsync(context, launch, kind, actionName, wait);
    }

    /// <summary>A retry with nothing to resume: a new run of the type, its input carrying the action (e.g. sampling).</summary>
    private static async Task<ApiResult> RetryFreshAsync(ApiContext context, string tenant, WorkflowKind kind, RetryAction action, string actionName, TimeSpan wait)
    {
        if (kind.Type != WorkflowTypes.Profile)
        {
            // Only a profile can be started from nothing: other types need what their own trigger's body says.
            throw new ApiException(StatusCodes.Status404NotFound, "No failed workflow of this type to retry");
        }

        var connectionId = ConnectionStore.IdFor(tenant);
        if (await context.Service<ConnectionStore>().GetAsync(tenant, connectionId, context.Cancellation) is { Status: ConnectionStatus.Disconnected })
        {
            throw new ApiException(StatusCodes.Status409Conflict, $"Connection {connectionId} is disconnected; connect it again before profiling");
        }

        var launch = await context.Service<WorkflowLauncher>().LaunchAsync(context.Durable, tenant, kind, connectionId,
            ticket => new ProfileRunInput(ticket, connectionId, Sampling: false, SkipOnError: false).ForAttempt(ticket, action), context.Cancellation);
        return await AuditRetryAsync(context, launch, kind, actionName, wait);
    }

    private static async Task<ApiResult> AuditRetryAsync(ApiContext context, LaunchResult launch, WorkflowKind kind, string actionName, TimeSpan wait)
    {
        var result = await WorkflowResponses.AnswerAsync(context, launch, wait);
        await context.Service<AuditLog>().AppendAsync(launch.Ticket.TenantId, "workflow_retry_requested", new
        {
            workflow_type = kind.Type,
            workflow_id = launch.WorkflowId,
            action = actionName,
            result_status = result.Status,
            attempt = launch.Ticket.Attempt,
        }, context.Cancellation);
        return result;
    }
}
