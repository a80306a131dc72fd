namespace Autopilot.Core.Sql;

/// <summary>An organisation's limits for the SQL gate.</summary>
public sealed record SqlGateOptions
{
    public static SqlGateOptions Default { get; } = new();

    /// <summary>The LIMIT added to a top-level query that returns rows without aggregating.</summary>
    public int DefaultLimit { get; init; } = 10_000;

    /// <summary>The largest LIMIT a query may keep; a larger one is lowered to this. Null: <see cref="DefaultLimit"/>.</summary>
    public int? MaxLimit { get; init; }

    /// <summary>Most joins (JOIN, CROSS JOIN and comma joins, to a table, subquery or UNNEST) one statement may have.</summary>
    public int MaxJoinDepth { get; init; } = 5;

    /// <summary>How deeply queries may nest (FROM subqueries, CTE bodies, scalar/IN/EXISTS/ARRAY subqueries).</summary>
    public int MaxSubqueryDepth { get; init; } = 3;

    /// <summary>The window a rewritten time filter keeps: the last this many days.</summary>
    public int DefaultTimeWindowDays { get; init; } = 30;

    /// <summary>A table at least this big needs a time filter on its time column even when it is not partitioned.</summary>
    public long LargeTableBytes { get; init; } = 10L * 1024 * 1024 * 1024;

    /// <summary>What to do when a table that needs a time filter has none: add one, or refuse.</summary>
    public SqlTimeFilterMode RequireTimeFilter { get; init; } = SqlTimeFilterMode.Rewrite;

    /// <summary>Longest SQL text the gate reads, in characters.</summary>
    public int MaxSqlLength { get; init; } = 100_000;

    /// <summary><see cref="MaxLimit"/>, or <see cref="DefaultLimit"/> when unset.</summary>
    public int EffectiveMaxLimit => MaxLimit ?? DefaultLimit;
}
