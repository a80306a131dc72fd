namespace Autopilot.Core.Sql;

/// <summary><c>x [NOT] LIKE pattern</c>.</summary>
public sealed record SqlLike(SqlExpression Operand, SqlExpression Pattern, bool Negated) : SqlExpression;
