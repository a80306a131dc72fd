namespace Autopilot.Core.Tenants.Purge;

/// <summary>
/// Where a purge is: the stores of this pass, the one being emptied, rows removed so far per store. Pass 1 empties every
/// store; pass 2 only those the verification still found rows in.
/// </summary>
public sealed record TenantPurgeProgress(IReadOnlyList<string> Stores, int Index, int Pass, Dictionary<string, long> Deleted);
