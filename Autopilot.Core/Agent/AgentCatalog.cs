using Autopilot.Core.Catalog;

namespace Autopilot.Core.Agent;

/// <summary>What the planner may know of a tenant's warehouse: the profiled tables and columns (names, types, stats, PII tags).</summary>
public sealed record AgentCatalog(IReadOnlyList<CatalogTable> Tables, IReadOnlyList<CatalogColumn> Columns)
{
    public static AgentCatalog Empty { get; } = new([], []);

    /// <summary>Values of the dimension columns (channel, country, status, event name); empty when not looked up.</summary>
    public IReadOnlyList<ColumnValues> Values { get; init; } = [];

    /// <summary>The values <paramref name="column"/> holds, or null when they were not looked up.</summary>
    public IReadOnlyList<string>? ValuesOf(string dataset, string table, string column) =>
        Values.FirstOrDefault(v => string.Equals(v.Dataset, dataset, StringComparison.OrdinalIgnoreCase)
            && string.Equals(v.Table, table, StringComparison.OrdinalIgnoreCase)
            && string.Equals(v.Column, column, StringComparison.OrdinalIgnoreCase))?.Values;

    public IEnumerable<CatalogColumn> ColumnsOf(string dataset, string table) =>
        Columns.Where(c => string.Equals(c.Dataset, dataset, StringComparison.OrdinalIgnoreCase) && string.Equals(c.Table, table, StringComparison.OrdinalIgnoreCase));
}
