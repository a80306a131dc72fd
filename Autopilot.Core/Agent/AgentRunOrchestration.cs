using System.Text.Json.Nodes;
using Autopilot.Core.Admission;
using Autopilot.Core.Profiling;
using Autopilot.Core.Workflows;
using Microsoft.DurableTask;

namespace Autopilot.Core.Agent;

/// <summary>
/// An agent run: admitted under the tenant's agent cap (queued runs wait durably for a slot) → profile first when the
/// tenant has no catalog → planner → validator (one replan) → critic (pre) → durable approval wait when required →
/// executor (failure-class retries) → critic (post) → composer; then the slot is freed for the next run.
/// Deterministic: every stage is an activity.
/// </summary>
public sealed class AgentRunOrchestration : TaskOrchestrator<AgentRunInput, JsonObject>
{
    public const string ApprovalEvent = "approval";

    public override async Task<JsonObject> RunAsync(TaskOrchestrationContext context, AgentRunInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var ticket = input.ToTicket();
        switch (await AdmissionSteps.WaitForSlotAsync(context, ticket, input))
        {
            case SlotWait.Cancelled:
                return new JsonObject { ["run_id"] = input.RunId, ["status"] = WorkflowStatus.Cancelled };
            case SlotWait.ContinuedAsNew:
                return [];
        }

        try
        {
            var answer = await RunStagesAsync(context, input);
            await context.CallActivityAsync<bool>(nameof(FinishAgentRunActivity), new AgentRunFinish(input.TenantId, input.RunId, true, null), StepRetry.Default);
            return answer;
        }
        catch (TaskFailedException failed)
        {
            await context.CallActivityAsync<bool>(nameof(FinishAgentRunActivity), new AgentRunFinish(input.TenantId, input.RunId, false, failed.FailureDetails.ErrorMessage), StepRetry.Default);
            throw;
        }
        finally
        {
            await AdmissionSteps.ReleaseAsync(context, ticket);
        }
    }

    private static async Task<JsonObject> RunStagesAsync(TaskOrchestrationContext context, AgentRunInput input)
    {
        var (tenant, runId) = (input.TenantId, input.RunId);
        Task<JsonObject> Compose(string type, string summary, AgentPlan? plan, GateVerdict? gate, ExecutionOutput? output,
            IReadOnlyList<string>? warnings = null, IReadOnlyList<string>? errors = null, string? failedStep = null, string? failureClass = null) =>
            context.CallActivityAsync<JsonObject>(nameof(ComposeAnswerActivity), new ComposeRequest(
                tenant, runId, input.UserId, input.SessionId, input.Message, type, summary, plan, gate, output,
                warnings ?? [], errors ?? [], failedStep, failureClass), StepRetry.Default);

        context.SetCustomStatus(new AgentRunStatus(AgentStage.Profiling));
        if (await ProfileFirst.EnsureCatalogAsync(context, tenant, input.ConnectionId) is { } profile && !ProfileFirst.Succeeded(profile))
        {
            var reason = profile["failed_step"]?["error"]?.GetValue<string>() ?? profile["status"]?.GetValue<string>() ?? "it did not finish";
            return await Compose(AgentResponseTypes.Error, $"Profiling the warehouse failed: {reason}", null, null, null,
                errors: [$"Profile {profile["workflow_id"]} did not store a catalog; retry it with POST /api/v1/workflows/retry?workflow_type=profile"]);
        }

        context.SetCustomStatus(new AgentRunStatus(AgentStage.Planning));
        var planned = await context.CallActivityAsync<PlanOutcome>(nameof(PlanQuestionActivity), new PlanRequest(tenant, runId, input.Message, []), StepRetry.Default);
        if (planned.Plan is null && planned.Clarification is { } ask)
        {
            // The question has words no plan could use: ask, never answer a different question.
            return await context.CallActivityAsync<JsonObject>(nameof(ComposeAnswerActivity), new ComposeRequest(tenant, runId, input.UserId, input.SessionId,
                input.Message, AgentResponseTypes.ClarificationNeeded, ask.Summary, null, null, null, [], [], null, null) { Clarification = ask }, StepRetry.Default);
        }

        if (planned.Plan is not { } plan)
        {
            return await Compose(AgentResponseTypes.Error, planned.NotUnderstood ?? "No steps executed", null, null, null, errors: planned.Examples);
        }

        context.SetCustomStatus(new AgentRunStatus(AgentStage.Validating));
        var errors = await context.CallActivityAsync<IReadOnlyList<string>>(nameof(ValidatePlanActivity), new ValidateRequest(tenant, runId, plan, 1), StepRetry.Default);
        if (errors.Count > 0)
        {
            context.SetCustomStatus(new AgentRunStatus(AgentStage.Replanning));
            var replanned = await context.CallActivityAsync<PlanOutcome>(nameof(PlanQuestionActivity), new PlanRequest(tenant, runId, input.Message, errors), StepRetry.Default);
            var secondErrors = replanned.Plan is { } second
                ? await context.CallActivityAsync<IReadOnlyList<string>>(nameof(ValidatePlanActivity), new ValidateRequest(tenant, runId, second, 2), StepRetry.Default)
                : errors;
            if (replanned.Plan is null || secondErrors.Count > 0)
            {
                return await Compose(AgentResponseTypes.Error, "Plan validation failed", replanned.Plan ?? plan, null, null, errors: secondErrors, failureClass: "VALIDATION_FAILED");
            }

            plan = replanned.Plan;
        }

        context.SetCustomStatus(new AgentRunStatus(AgentStage.Critiquing));
        var gate = await context.CallActivityAsync<GateVerdict>(nameof(CritiquePlanActivity), new CritiqueRequest(tenant, runId, input.ConnectionId, plan), StepRetry.Default);
        if (gate.Status == GateVerdictStatus.Blocked)
        {
            return await Compose(AgentResponseTypes.Blocked, "Query blocked by safety/cost gates", plan, gate, null);
        }

        var approved = false;
        if (gate.Status == GateVerdictStatus.ApprovalRequired)
        {
            context.SetCustomStatus(new AgentRunStatus(AgentStage.AwaitingApproval, gate.PreviewId, gate.Reasons, gate.NextAction,
                gate.EstimatedBytes, Math.Round(gate.EstimatedCostUsd, 4)));
            using var stop = new CancellationTokenSource();
            var approval = context.WaitForExternalEvent<AgentApproval>(ApprovalEvent, stop.Token);
            var expiry = context.CreateTimer(input.ApprovalTimeout, stop.Token);
            var first = await Task.WhenAny(approval, expiry);
            stop.Cancel(); // synchronous on purpose: orchestrator code must not hop threads
            if (first != approval)
            {
                return await Compose(AgentResponseTypes.Error, "Approval expired: the query was not run", plan, gate with { Status = GateVerdictStatus.Expired }, null);
            }

            if (!approval.Result.Approved)
            {
                return await Compose(AgentResponseTypes.Blocked, "Approval declined: the query was not run", plan, gate with { Reasons = [.. gate.Reasons, "Approval declined"] }, null);
            }

            approved = true;
        }

        context.SetCustomStatus(new AgentRunStatus(AgentStage.Executing));
        ExecutionOutput output;
        try
        {
            output = await context.CallActivityAsync<ExecutionOutput>(nameof(ExecuteQueryActivity),
                new ExecuteRequest(tenant, runId, input.ConnectionId, gate.Sql!, gate.PreviewId, approved), StepRetry.Default);
        }
        catch (TaskFailedException failed)
        {
            var failure = FailureClasses.Classify(failed.FailureDetails.ErrorType, failed.FailureDetails.ErrorMessage);
            var error = CompleteWorkflowRunActivity.Sanitize(failed.FailureDetails.ErrorMessage);
            return await Compose(AgentResponseTypes.PartialFailure, $"Step failed: {error}", plan, gate, null,
                errors: [error], failedStep: "execute_query", failureClass: FailureClasses.Code(failure));
        }

        context.SetCustomStatus(new AgentRunStatus(AgentStage.Reviewing));
        var warnings = await context.CallActivityAsync<IReadOnlyList<string>>(nameof(ReviewResultActivity), new ReviewRequest(tenant, runId, plan, output), StepRetry.Default);

        context.SetCustomStatus(new AgentRunStatus(AgentStage.Composing));
        return await Compose(AgentResponseTypes.QueryResult, "Query completed", plan, gate, output, warnings);
    }
}
