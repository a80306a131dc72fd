namespace Autopilot.Core.Sql;

/// <summary><c>a IS [NOT] DISTINCT FROM b</c>.</summary>
public sealed record SqlIsDistinctFrom(SqlExpression Left, SqlExpression Right, bool Negated) : SqlExpression;
