namespace Autopilot.Core.Workflows;

/// <summary>
/// A workflow that failed its attempts: everything needed to understand and re-run it (seed plan 1B, QUEUE-9),
/// plus the final failure class and its input hash.
/// </summary>
public sealed record DeadLetter(
    string DeadLetterId,
    string TenantId,
    string WorkflowId,
    string WorkflowType,
    string? QueueId,
    string FailureClass,
    string InputHash,
    IReadOnlyList<DeadLetterError> ErrorHistory,
    IReadOnlyList<StepState> StepStates,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RequeuedAt);
