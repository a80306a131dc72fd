namespace Autopilot.Core.Sql;

/// <summary>
/// What the gate evaluates against: the organisation's limits and the catalog, keyed by <c>dataset.table</c>
/// (matched case-insensitively; a table named without its dataset matches by table name).
/// </summary>
public sealed record SqlGateContext(SqlGateOptions Options, IReadOnlyDictionary<string, SqlTablePolicy> Catalog)
{
    /// <summary>Default limits and an empty catalog.</summary>
    public static SqlGateContext Default { get; } = new(SqlGateOptions.Default, new Dictionary<string, SqlTablePolicy>());
}
