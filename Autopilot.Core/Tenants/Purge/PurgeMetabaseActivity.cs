using Autopilot.Core.Dashboards;
using Microsoft.DurableTask;

namespace Autopilot.Core.Tenants.Purge;

/// <summary>
/// Removes what the app published to Metabase for the tenant: deletes the cards it made (found by their
/// <see cref="MetabaseMarkers"/>) in the tenant's collection, then archives the collection, which archives its dashboards.
/// Null without Metabase. Safe to run again: deleted cards and archived collections are no longer found.
/// </summary>
public sealed class PurgeMetabaseActivity : TaskActivity<string, MetabasePurge?>
{
    private const string AppMarker = "autopilot:";
    private readonly TenantPurgeMarkers _markers;
    private readonly MetabaseClientFactory _clients;

    public PurgeMetabaseActivity(TenantPurgeMarkers markers, MetabaseClientFactory clients)
    {
        _markers = markers;
        _clients = clients;
    }

    public override async Task<MetabasePurge?> RunAsync(TaskActivityContext context, string markerKey)
    {
        if (_clients.Create() is not { } metabase)
        {
            return null;
        }

        // Runs before the purge's last step, so the marker still names the tenant.
        var (_, tenant) = await _markers.TenantAsync(markerKey, CancellationToken.None);
        var collections = await metabase.FindCollectionsAsync(MetabaseMarkers.Collection(tenant), CancellationToken.None);
        var cards = 0;
        foreach (var collection in collections)
        {
            foreach (var card in await metabase.FindMarkedAsync(collection, "card", AppMarker, CancellationToken.None))
            {
                await metabase.DeleteCardAsync(card.Id, CancellationToken.None);
                cards++;
            }

            await metabase.ArchiveCollectionAsync(collection, CancellationToken.None);
        }

        return new MetabasePurge(cards, collections.Count);
    }
}
