using System.Text.Json.Nodes;
using Autopilot.Core.Admission;
using Microsoft.DurableTask;

namespace Autopilot.Core.Workflows;

/// <summary>
/// The shape every admitted workflow shares: wait for a slot, run the steps, complete the run (success, partial
/// failure or dead letter), free the slot and signal the next. Subclasses write only their steps.
/// </summary>
public abstract class AdmittedWorkflow<TInput> : TaskOrchestrator<TInput, JsonObject>
    where TInput : IWorkflowInput
{
    public sealed override async Task<JsonObject> RunAsync(TaskOrchestrationContext context, TInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var ticket = input.Ticket;
        switch (await AdmissionSteps.WaitForSlotAsync(context, ticket, input))
        {
            case SlotWait.Cancelled:
                return new JsonObject { ["workflow_id"] = ticket.WorkflowId, ["status"] = WorkflowStatus.Cancelled };
            case SlotWait.ContinuedAsNew:
                return [];
        }

        var progress = new WorkflowProgress();
        var inputHash = StepRecorder.InputHash(input);
        JsonObject body;
        try
        {
            var result = await RunStepsAsync(context, input, progress);
            body = await context.CallActivityAsync<JsonObject>(nameof(CompleteWorkflowRunActivity),
                new CompleteRunInput(ticket, true, null, null, null, [], inputHash, result), StepRetry.Default);
        }
        catch (TaskFailedException failed)
        {
            var details = failed.FailureDetails;
            body = await context.CallActivityAsync<JsonObject>(nameof(CompleteWorkflowRunActivity),
                new CompleteRunInput(ticket, false, progress.Step, details.ErrorMessage, details.ErrorType, ActionsAfterFailure(progress.Step), inputHash, null),
                StepRetry.Default);
        }

        await AdmissionSteps.ReleaseAsync(context, ticket);
        return body;
    }

    /// <summary>The workflow's steps; set <paramref name="progress"/>.Step before each so a failure names it.</summary>
    protected abstract Task<JsonObject> RunStepsAsync(TaskOrchestrationContext context, TInput input, WorkflowProgress progress);

    /// <summary>Recovery actions the step graph allows after <paramref name="failedStep"/> failed.</summary>
    protected abstract IReadOnlyList<string> ActionsAfterFailure(string failedStep);

    /// <summary>Runs a step that may be skipped when the caller asked for <c>skip_and_continue</c>; null when skipped.</summary>
    protected static async Task<T?> SkippableAsync<T>(TaskOrchestrationContext context, bool skipOnError, string tenantId, string workflowId, string step, object stepInput, Func<Task<T>> run)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(run);
        try
        {
            return await run();
        }
        catch (TaskFailedException failed) when (skipOnError)
        {
            await context.CallActivityAsync<bool>(nameof(SkipStepActivity),
                new SkipStepInput(tenantId, workflowId, step, StepRecorder.InputHash(stepInput), failed.FailureDetails.ErrorMessage), StepRetry.Default);
            return null;
        }
    }
}
