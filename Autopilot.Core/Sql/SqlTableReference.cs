namespace Autopilot.Core.Sql;

/// <summary>
/// A warehouse table a query reads (CTE names excluded): the path as written, its dataset and table name, the alias,
/// and the catalog key (<c>dataset.table</c>) it matched, if any.
/// </summary>
public sealed record SqlTableReference(string Path, string? Dataset, string Table, string? Alias, string? CatalogKey);
