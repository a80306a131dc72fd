namespace Autopilot.Core.Admission;

/// <summary>
/// A workflow waiting for a slot or a dependency (QUEUE-2). Its orchestration already exists and waits durably;
/// this row is what the queue API shows and what admission orders by <see cref="Sequence"/>. <see cref="Attempts"/>
/// counts the workflow's failed attempts before this one.
/// </summary>
public sealed record QueueItem(
    string QueueId,
    string WorkflowId,
    string WorkflowType,
    string Reason,
    string Status,
    long Sequence,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ProcessedAt);
