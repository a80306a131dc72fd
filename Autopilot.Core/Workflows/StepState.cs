namespace Autopilot.Core.Workflows;

/// <summary>
/// The recorded state of one step of one run (WF-3), keyed by (tenant, workflow, step, input hash) — the idempotency key.
/// <see cref="Attempts"/> counts how many times the step's work actually started; <see cref="ExecutedBy"/> names the
/// process of the latest attempt.
/// </summary>
public sealed record StepState(
    string WorkflowId,
    string Step,
    string InputHash,
    string Status,
    string? OutputJson,
    string? OutputHash,
    int Attempts,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error,
    string? ExecutedBy);
