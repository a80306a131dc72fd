using Autopilot.Core.Catalog;

namespace Autopilot.Core.Agent;

/// <summary>Reads the tenant's profiled catalog as the planner and validator see it, with the values of its dimension columns.</summary>
public sealed class AgentCatalogLoader
{
    private readonly CatalogStore _catalog;
    private readonly DimensionValueLookup _values;

    public AgentCatalogLoader(CatalogStore catalog, DimensionValueLookup values)
    {
        _catalog = catalog;
        _values = values;
    }

    public async Task<AgentCatalog> LoadAsync(string tenantId, CancellationToken cancellation)
    {
        var catalog = new AgentCatalog(await _catalog.ListTablesAsync(tenantId, cancellation), await _catalog.ListColumnsAsync(tenantId, cancellation));
        return catalog.Tables.Count == 0 ? catalog : catalog with { Values = await _values.ValuesAsync(tenantId, catalog, cancellation) };
    }
}
