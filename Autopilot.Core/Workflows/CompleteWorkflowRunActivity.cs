using System.Text.Json.Nodes;
using Autopilot.Core.Audit;
using Microsoft.DurableTask;

namespace Autopilot.Core.Workflows;

/// <summary>
/// Last step of every workflow: stores the final status, writes the <c>workflow_run</c> audit row once, and
/// builds the response body — success, or the seed's partial-failure body (spec §5.4) from the step records.
/// </summary>
public sealed class CompleteWorkflowRunActivity : TaskActivity<CompleteRunInput, JsonObject>
{
    private const int SummaryLimit = 180;
    private readonly WorkflowRunStore _runs;
    private readonly StepStore _steps;
    private readonly AuditLog _audit;
    private readonly TimeProvider _time;

    public CompleteWorkflowRunActivity(WorkflowRunStore runs, StepStore steps, AuditLog audit, TimeProvider time)
    {
        _runs = runs;
        _steps = steps;
        _audit = audit;
        _time = time;
    }

    public override async Task<JsonObject> RunAsync(TaskActivityContext context, CompleteRunInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var cancellation = CancellationToken.None;
        var steps = await _steps.ListAsync(input.TenantId, input.WorkflowId, cancellation);
        var status = input.Succeeded ? WorkflowStatus.Success : WorkflowStatus.PartialFailure;
        await _runs.SetStatusAsync(input.TenantId, input.WorkflowId, status, _time.GetUtcNow(), input.Error, cancellation);
        await _audit.AppendOnceAsync(
            input.TenantId,
            "workflow_run",
            new { workflow_type = input.WorkflowType, status = input.Succeeded ? status : null, workflow_id = input.WorkflowId },
            $"workflow_run:{input.WorkflowId}:{status}",
            cancellation);

        var body = input.Succeeded ? SuccessBody(input) : FailureBody(input, steps);
        body["steps"] = new JsonArray(steps.Select(StepJson).ToArray<JsonNode?>());
        return body;
    }

    private static JsonObject SuccessBody(CompleteRunInput input)
    {
        var body = new JsonObject { ["workflow_id"] = input.WorkflowId, ["status"] = WorkflowStatus.Success };
        foreach (var (key, value) in input.Result ?? [])
        {
            body[key] = value?.DeepClone();
        }

        return body;
    }

    private static JsonObject FailureBody(CompleteRunInput input, IReadOnlyList<StepState> steps)
    {
        var failed = steps.LastOrDefault(s => s.Step == input.FailedStep && s.Status == StepStatus.Failed);
        return new JsonObject
        {
            ["workflow_id"] = input.WorkflowId,
            ["workflow_status"] = WorkflowStatus.PartialFailure,
            ["completed_steps"] = new JsonArray(steps
                .Where(s => s.Status == StepStatus.Success)
                .Select(s => (JsonNode?)new JsonObject { ["step"] = s.Step, ["status"] = s.Status, ["output_summary"] = Summary(s.OutputJson) })
                .ToArray()),
            ["failed_step"] = new JsonObject
            {
                ["step"] = input.FailedStep,
                ["error"] = input.Error,
                ["retry_count"] = Math.Max(0, (failed?.Attempts ?? 1) - 1),
            },
            ["available_actions"] = new JsonArray(
                new JsonObject { ["action"] = "retry", ["description"] = "Retry" },
                new JsonObject { ["action"] = "retry_with_sampling", ["description"] = "Retry with sampling" },
                new JsonObject { ["action"] = "skip_and_continue", ["description"] = "Skip this step and continue" }),
        };
    }

    private static JsonObject StepJson(StepState s) => new()
    {
        ["step"] = s.Step,
        ["status"] = s.Status,
        ["attempts"] = s.Attempts,
        ["output_hash"] = s.OutputHash,
        ["output_summary"] = Summary(s.OutputJson),
        ["error"] = s.Error,
    };

    private static string? Summary(string? json) =>
        json is null ? null : json.Length <= SummaryLimit ? json : json[..(SummaryLimit - 1)] + "…";
}
