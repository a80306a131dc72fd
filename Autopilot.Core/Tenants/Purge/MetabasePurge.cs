namespace Autopilot.Core.Tenants.Purge;

/// <summary>
/// What a purge removed from the service's Metabase: the app's cards deleted and the tenant's collections archived (with
/// the dashboards in them), or why it could not (<see cref="Error"/>; the tenant's own stores are purged regardless).
/// </summary>
public sealed record MetabasePurge(int CardsDeleted, int CollectionsArchived, string? Error = null);
