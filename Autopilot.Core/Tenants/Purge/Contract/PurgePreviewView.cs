namespace Autopilot.Core.Tenants.Purge.Contract;

/// <summary>Body of GET /tenants/purge/preview. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record PurgePreviewView(string OrgId, bool TenantExists, int ActiveWorkflows, int QueuedWorkflows, long EstimatedCacheEntries, long AuditRowsRetained, IReadOnlyDictionary<string, long> Counts, string? PurgeStatus);
