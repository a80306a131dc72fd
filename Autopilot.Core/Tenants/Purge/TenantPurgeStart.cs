namespace Autopilot.Core.Tenants.Purge;

/// <summary>The stores to empty, in order, and what each held before (the audited preview counts).</summary>
public sealed record TenantPurgeStart(IReadOnlyList<string> Stores, IReadOnlyDictionary<string, long> PreviewCounts);
