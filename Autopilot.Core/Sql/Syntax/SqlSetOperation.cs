namespace Autopilot.Core.Sql;

/// <summary><c>left UNION|INTERSECT|EXCEPT ALL|DISTINCT right</c>.</summary>
public sealed record SqlSetOperation(SqlSetOperator Operator, bool All, SqlQueryExpression Left, SqlQueryExpression Right) : SqlQueryExpression;
