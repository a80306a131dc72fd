using Autopilot.Core.Tenants.Data;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Autopilot.Core.Tenants.Purge;

/// <summary>What the purge activities share: the marker (which holds the tenant id) and the set of stores.</summary>
public sealed class TenantPurgeServices
{
    public TenantPurgeServices(TenantPurgeMarkers markers, TenantDataSet stores)
    {
        Markers = markers;
        Stores = stores;
    }

    public TenantPurgeMarkers Markers { get; }

    public TenantDataSet Stores { get; }

    /// <summary>
    /// The services over an explicit engine client: the Functions adapters pass their <c>[DurableClient]</c>, since the
    /// Functions worker has no client in DI (the server has one).
    /// </summary>
    public static TenantPurgeServices For(IServiceProvider services, DurableTaskClient? engine) => new(
        services.GetRequiredService<TenantPurgeMarkers>(),
        TenantDataSetFactory.Create(services, engine ?? services.GetService<DurableTaskClient>()));

    /// <summary>The tenant a running purge is about; throws once the marker has forgotten it (the purge is finished).</summary>
    public Task<(TenantPurgeMarker Marker, string TenantId)> TenantAsync(string markerKey, CancellationToken cancellation) =>
        Markers.TenantAsync(markerKey, cancellation);
}
