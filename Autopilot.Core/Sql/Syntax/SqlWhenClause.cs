namespace Autopilot.Core.Sql;

/// <summary><c>WHEN condition THEN result</c>.</summary>
public sealed record SqlWhenClause(SqlExpression Condition, SqlExpression Result);
