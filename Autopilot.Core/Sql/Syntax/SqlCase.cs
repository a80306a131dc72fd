namespace Autopilot.Core.Sql;

/// <summary><c>CASE [operand] WHEN … THEN … [ELSE …] END</c>.</summary>
public sealed record SqlCase(SqlExpression? Operand, SqlList<SqlWhenClause> Whens, SqlExpression? Else) : SqlExpression;
