namespace Autopilot.Core.Tenants.Purge.Contract;

/// <summary>Body of POST /tenants/purge: purged with what was deleted, or purging (202). Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record PurgeView(string Status, string TenantId, string? Pseudonym)
{
    public string? InstanceId { get; init; }

    public IReadOnlyDictionary<string, long>? Deleted { get; init; }

    public long? CacheEntriesPurged { get; init; }

    public long? AuditRowsRetained { get; init; }

    public IReadOnlyDictionary<string, long>? Verification { get; init; }

    /// <summary>What was removed from the service's Metabase; null without one.</summary>
    public MetabasePurge? Metabase { get; init; }
}
