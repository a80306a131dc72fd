using Autopilot.Core.Catalog;

namespace Autopilot.Core.Agent;

/// <summary>Reads the tenant's profiled catalog as the planner and validator see it.</summary>
public sealed class AgentCatalogLoader
{
    private readonly CatalogStore _catalog;

    public AgentCatalogLoader(CatalogStore catalog) => _catalog = catalog;

    public async Task<AgentCatalog> LoadAsync(string tenantId, CancellationToken cancellation) =>
        new(await _catalog.ListTablesAsync(tenantId, cancellation), await _catalog.ListColumnsAsync(tenantId, cancellation));
}
