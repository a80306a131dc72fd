namespace Autopilot.Core.Sql;

/// <summary><c>x [NOT] IN (query)</c>.</summary>
public sealed record SqlInSubquery(SqlExpression Operand, SqlQuery Query, bool Negated) : SqlExpression;
