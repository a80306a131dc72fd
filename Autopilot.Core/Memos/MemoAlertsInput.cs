namespace Autopilot.Core.Memos;

/// <summary>The stored packet's anomaly notes, to raise as alerts for one tenant.</summary>
public sealed record MemoAlertsInput(string TenantId, IReadOnlyList<string> Notes);
