namespace Autopilot.Core.Sql;

/// <summary>
/// What the gate evaluates against: the organisation's limits and the catalog, keyed by <c>dataset.table</c>
/// (matched case-insensitively; a table named without its dataset matches by table name).
/// </summary>
public sealed record SqlGateContext(SqlGateOptions Options, IReadOnlyDictionary<string, SqlTablePolicy> Catalog)
{
    /// <summary>
    /// The dialect the warehouse runs. For <see cref="SqlDialect.DuckDb"/> (the demo warehouse) an allow-listed function
    /// the DuckDB translation does not carry (<see cref="DuckDbFunctions"/>) is refused before it runs.
    /// </summary>
    public SqlDialect Dialect { get; init; } = SqlDialect.BigQuery;

    /// <summary>Default limits and an empty catalog.</summary>
    public static SqlGateContext Default { get; } = new(SqlGateOptions.Default, new Dictionary<string, SqlTablePolicy>());
}
