namespace Autopilot.Core.Warehouse;

/// <summary>
/// Who runs a query and within which limits: <paramref name="MaximumBytesBilled"/> caps what the warehouse may bill
/// (the job fails rather than exceed it), <paramref name="Timeout"/> bounds the whole call including polling and paging,
/// and <paramref name="MaxRows"/> caps the rows read back (more are reported as truncated, not read).
/// </summary>
public sealed record QueryContext(string TenantId, string? WorkflowId, long MaximumBytesBilled, TimeSpan Timeout, int MaxRows);
