using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.DurableTask;

namespace Autopilot.Core.Workflows.Testing;

/// <summary>A workflow of N sequential steps with injectable faults: the machinery's test subject.</summary>
public sealed class FaultInjectionOrchestration : AdmittedWorkflow<FaultInjectionInput>
{
    /// <summary>Every step but the first may be skipped (later steps do not need earlier outputs — except step_1's setup).</summary>
    public static IReadOnlySet<string> SkippableSteps { get; } = Enumerable.Range(2, 99).Select(StepName).ToHashSet();

    public static string StepName(int index) => "step_" + index.ToString(CultureInfo.InvariantCulture);

    protected override async Task<JsonObject> RunStepsAsync(TaskOrchestrationContext context, FaultInjectionInput input, WorkflowProgress progress)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(progress);
        var (tenant, workflowId) = (input.Ticket.TenantId, input.Ticket.WorkflowId);
        var skipped = new JsonArray();
        for (var i = 1; i <= input.Steps; i++)
        {
            var step = StepName(i);
            progress.Step = step;
            context.SetCustomStatus(new { state = "running", step });
            var stepInput = new FaultStepInput(tenant, workflowId, step, input.StepDelayMs, input.Faults.GetValueOrDefault(step), input.Sampling);
            var skip = input.SkipOnError && SkippableSteps.Contains(step);
            var done = await SkippableAsync(context, skip, tenant, workflowId, step, new { TenantId = tenant, WorkflowId = workflowId, Step = step },
                () => context.CallActivityAsync<string>(nameof(FaultStepActivity), stepInput, StepRetry.Default));
            if (done is null)
            {
                skipped.Add(step);
            }
        }

        return new JsonObject
        {
            ["steps_run"] = input.Steps,
            ["skipped_steps"] = skipped,
            ["sampling_mode"] = input.Sampling,
            ["skip_on_error"] = input.SkipOnError,
            ["resumed"] = input.Ticket.Attempt > 1,
        };
    }

    protected override IReadOnlyList<string> ActionsAfterFailure(string failedStep) => SkippableSteps.Contains(failedStep)
        ? ["retry", "retry_with_sampling", "skip_and_continue"]
        : ["retry", "retry_with_sampling"];
}
