namespace Autopilot.Core.Admission;

/// <summary>
/// What is needed to start a workflow's orchestration, written in the same transaction as its admission decision.
/// Until <see cref="Scheduled"/> is set, a crash may have come between deciding and starting; the queue processor
/// then starts it from here, so admitted or queued work is never lost. <see cref="Once"/> marks a launch under a
/// caller-given id that must run at most once ever (a weekly memo): its finished orchestration is never started again.
/// </summary>
public sealed record LaunchRecord(
    string TenantId,
    string WorkflowId,
    int Attempt,
    string WorkflowType,
    string Orchestrator,
    string InputJson,
    string? ConnectionId,
    bool Scheduled,
    DateTimeOffset CreatedAt,
    bool Once = false);
