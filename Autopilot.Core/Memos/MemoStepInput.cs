namespace Autopilot.Core.Memos;

/// <summary>What the KPI selection needs: whose catalog, for which run, in which windows.</summary>
public sealed record MemoStepInput(string TenantId, string WorkflowId, MemoWindows Windows);
