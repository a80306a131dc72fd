using System.Text.Json.Nodes;
using Autopilot.Core.Alerts;
using Autopilot.Core.Audit;
using Autopilot.Core.Storage;
using Microsoft.DurableTask;

namespace Autopilot.Core.Workflows;

/// <summary>
/// Last step of every attempt: stores the outcome, writes the <c>workflow_run</c> audit row once, records a failed
/// attempt in the error history, dead-letters the workflow (with a P0 alert) when it has used its attempts, and
/// builds the response body — success, or the seed's partial-failure body (spec §5.4).
/// </summary>
public sealed class CompleteWorkflowRunActivity : TaskActivity<CompleteRunInput, JsonObject>
{
    private const int SummaryLimit = 180;
    private const int ErrorLimit = 300;
    private readonly WorkflowRunStore _runs;
    private readonly StepStore _steps;
    private readonly DeadLetterStore _deadLetters;
    private readonly IAlertSink _alerts;
    private readonly AuditLog _audit;
    private readonly ServiceOptions _options;
    private readonly TimeProvider _time;

    public CompleteWorkflowRunActivity(WorkflowRunStore runs, StepStore steps, DeadLetterStore deadLetters, IAlertSink alerts, AuditLog audit, ServiceOptions options, TimeProvider time)
    {
        _runs = runs;
        _steps = steps;
        _deadLetters = deadLetters;
        _alerts = alerts;
        _audit = audit;
        _options = options;
        _time = time;
    }

    public override async Task<JsonObject> RunAsync(TaskActivityContext context, CompleteRunInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var ticket = input.Ticket;
        var cancellation = CancellationToken.None;
        var steps = await _steps.ListAsync(ticket.TenantId, ticket.WorkflowId, cancellation);
        var now = _time.GetUtcNow();
        if (input.Succeeded)
        {
            await _runs.SetStatusAsync(ticket.TenantId, ticket.WorkflowId, WorkflowStatus.Success, now, null, cancellation);
            await AuditRunAsync(ticket, WorkflowStatus.Success, cancellation);
            Telemetry.AutopilotMetrics.WorkflowFinished(ticket.WorkflowType, succeeded: true);
            var success = new JsonObject { ["workflow_id"] = ticket.WorkflowId, ["status"] = WorkflowStatus.Success };
            foreach (var (key, value) in input.Result ?? [])
            {
                success[key] = value?.DeepClone();
            }

            success["attempt"] = ticket.Attempt;
            success["steps"] = StepsJson(steps);
            return success;
        }

        var failure = FailureClasses.Classify(input.ErrorType, input.Error);
        var code = FailureClasses.Code(failure);
        var error = Sanitize(input.Error);
        var step = input.FailedStep ?? "unknown";
        var history = await _deadLetters.RecordFailureAsync(ticket.TenantId, ticket.WorkflowId, new DeadLetterError(ticket.Attempt, step, code, error, now), cancellation);
        var deadLettered = ticket.Attempt >= _options.DeadLetterAfterAttempts;
        var status = deadLettered ? WorkflowStatus.DeadLetter : WorkflowStatus.PartialFailure;
        await _runs.RecordFailureAsync(ticket.TenantId, ticket.WorkflowId, status, now, error, code, cancellation);
        await AuditRunAsync(ticket, status, cancellation);
        Telemetry.AutopilotMetrics.WorkflowFinished(ticket.WorkflowType, succeeded: false);

        DeadLetter? letter = null;
        if (deadLettered)
        {
            letter = await _deadLetters.AddAsync(new DeadLetter(
                Ids.New("dlq"), ticket.TenantId, ticket.WorkflowId, ticket.WorkflowType, null, code, input.InputHash, history,
                steps.Select(s => s with { OutputJson = Summary(s.OutputJson) }).ToList(), WorkflowStatus.DeadLetter, now, null), cancellation);
            await _alerts.RaiseAsync(ticket.TenantId, new AlertRequest(
                $"workflow_dead_letter:{ticket.WorkflowType}:{ticket.WorkflowId}",
                $"{ticket.WorkflowType} workflow moved to dead letter",
                $"Workflow {ticket.WorkflowId} failed {ticket.Attempt} times and was moved to dead letter.",
                "P0", "workflow_queue", ticket.WorkflowId), cancellation);
        }
        else
        {
            await _alerts.RaiseAsync(ticket.TenantId, new AlertRequest(
                $"workflow_partial_failure:{ticket.WorkflowType}:{step}",
                $"{ticket.WorkflowType} workflow partial failure",
                $"Step '{step}' failed: {error}",
                "P1", "workflow", ticket.WorkflowType), cancellation);
        }

        var failedState = steps.LastOrDefault(s => s.Step == step && s.Status == StepStatus.Failed);
        return new JsonObject
        {
            ["workflow_id"] = ticket.WorkflowId,
            ["workflow_status"] = status,
            ["completed_steps"] = new JsonArray(steps
                .Where(s => s.Status == StepStatus.Success)
                .Select(s => (JsonNode?)new JsonObject { ["step"] = s.Step, ["status"] = s.Status, ["output_summary"] = Summary(s.OutputJson) })
                .ToArray()),
            ["failed_step"] = new JsonObject
            {
                ["step"] = step,
                ["error"] = error,
                ["failure_class"] = code,
                ["retry_count"] = Math.Max(0, (failedState?.Attempts ?? 1) - 1),
            },
            ["attempt"] = ticket.Attempt,
            ["dead_letter_id"] = letter?.DeadLetterId,
            ["available_actions"] = deadLettered
                ? new JsonArray(new JsonObject { ["action"] = "requeue", ["description"] = "Re-queue the dead letter" })
                : new JsonArray(input.AvailableActions.Select(a => (JsonNode?)new JsonObject { ["action"] = a, ["description"] = Describe(a) }).ToArray()),
            ["steps"] = StepsJson(steps),
        };
    }

    private Task AuditRunAsync(Admission.WorkflowTicket ticket, string status, CancellationToken cancellation) =>
        _audit.AppendOnceAsync(
            ticket.TenantId,
            "workflow_run",
            new { workflow_type = ticket.WorkflowType, status = status == WorkflowStatus.Success ? status : null, workflow_status = status, workflow_id = ticket.WorkflowId, attempt = ticket.Attempt },
            $"workflow_run:{ticket.WorkflowId}:{ticket.Attempt}",
            cancellation);

    private static JsonArray StepsJson(IReadOnlyList<StepState> steps) => new(steps.Select(s => (JsonNode?)new JsonObject
    {
        ["step"] = s.Step,
        ["status"] = s.Status,
        ["attempts"] = s.Attempts,
        ["output_hash"] = s.OutputHash,
        ["output_summary"] = Summary(s.OutputJson),
        ["error"] = s.Error is null ? null : Sanitize(s.Error),
    }).ToArray());

    private static string Describe(string action) => action switch
    {
        "retry" => "Retry",
        "retry_with_sampling" => "Retry with sampling",
        "skip_and_continue" => "Skip this step and continue",
        _ => action,
    };

    /// <summary>The first line only, bounded: no stack traces, no payloads echoed back.</summary>
    internal static string Sanitize(string? error)
    {
        var line = (error ?? "unknown error").Split('\n', 2)[0].Trim();
        return line.Length <= ErrorLimit ? line : line[..(ErrorLimit - 1)] + "…";
    }

    private static string? Summary(string? json) =>
        json is null ? null : json.Length <= SummaryLimit ? json : json[..(SummaryLimit - 1)] + "…";
}
