namespace Autopilot.Core.Memos;

/// <summary>What the catalog gives a memo: its KPIs and the catalog's own data-quality notes (MEMO-2).</summary>
public sealed record MemoPlan(IReadOnlyList<MemoKpiSpec> Kpis, IReadOnlyList<string> CatalogNotes);
