namespace Autopilot.Core.Queries;

/// <summary>
/// A previewed query (QRY-7): the rewritten SQL, its estimate, and where it stands — ready (pre-approved),
/// approval_required (pending), approved, executing, executed (with its stored result) — until it expires.
/// </summary>
public sealed record QueryPreview(
    string PreviewId,
    string TenantId,
    string ConnectionId,
    string Sql,
    string Status,
    long EstimatedBytes,
    long EstimatedCostCents,
    bool RequiresApproval,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? ApprovedAt,
    string? ApprovedBy,
    DateTimeOffset? ExecutedAt,
    long? ActualBytes,
    string? ResultJson)
{
    /// <summary>The agent run waiting on this preview's approval, if an agent run made it.</summary>
    public string? AgentRunId { get; init; }
}
