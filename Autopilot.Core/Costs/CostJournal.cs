namespace Autopilot.Core.Costs;

/// <summary>
/// What one org's in-memory window recorded while Redis was down, to merge into Redis when it returns:
/// entries (id, bytes, at ms) and releases of ids the memory did not hold (bytes -1).
/// </summary>
internal sealed record CostJournal(string OrgId, IReadOnlyList<CostJournalEntry> Entries);
