namespace Autopilot.Core.Sql;

/// <summary><c>x [NOT] IN (a, b, …)</c>.</summary>
public sealed record SqlInList(SqlExpression Operand, SqlList<SqlExpression> Values, bool Negated) : SqlExpression;
