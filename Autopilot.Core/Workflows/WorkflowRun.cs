namespace Autopilot.Core.Workflows;

/// <summary>A workflow run record (WF-1); its id is also the orchestration instance id.</summary>
public sealed record WorkflowRun(
    string WorkflowId,
    string TenantId,
    string WorkflowType,
    string Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string? ConnectionId,
    string? Error,
    DateTimeOffset? AdmittedAt = null,
    int Attempts = 1,
    string? FailureClass = null,
    string? InputJson = null);
