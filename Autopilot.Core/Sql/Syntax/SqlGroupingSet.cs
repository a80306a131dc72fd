namespace Autopilot.Core.Sql;

/// <summary><c>ROLLUP(…)</c> or <c>CUBE(…)</c>; appears only as a GROUP BY item.</summary>
public sealed record SqlGroupingSet(SqlGroupingKind Kind, SqlList<SqlExpression> Items) : SqlExpression;
