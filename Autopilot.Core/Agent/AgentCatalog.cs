using Autopilot.Core.Catalog;

namespace Autopilot.Core.Agent;

/// <summary>What the planner may know of a tenant's warehouse: the profiled tables and columns (names, types, stats, PII tags).</summary>
public sealed record AgentCatalog(IReadOnlyList<CatalogTable> Tables, IReadOnlyList<CatalogColumn> Columns)
{
    public static AgentCatalog Empty { get; } = new([], []);

    public IEnumerable<CatalogColumn> ColumnsOf(string dataset, string table) =>
        Columns.Where(c => string.Equals(c.Dataset, dataset, StringComparison.OrdinalIgnoreCase) && string.Equals(c.Table, table, StringComparison.OrdinalIgnoreCase));
}
