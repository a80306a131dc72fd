namespace Autopilot.Core.Sql;

/// <summary><c>GROUP BY ALL</c> (<see cref="All"/>) or <c>GROUP BY</c> items (expressions, ordinals, ROLLUP/CUBE).</summary>
public sealed record SqlGroupBy(bool All, SqlList<SqlExpression> Items);
