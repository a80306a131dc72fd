namespace Autopilot.Core.Memos;

/// <summary>Input of <see cref="FixMemoWindowsActivity"/>: whose memo, for which run, and the date the timer fixed (null: now).</summary>
public sealed record MemoWindowsInput(string TenantId, string WorkflowId, DateOnly? Today);
