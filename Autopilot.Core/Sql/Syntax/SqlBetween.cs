namespace Autopilot.Core.Sql;

/// <summary><c>x [NOT] BETWEEN low AND high</c>.</summary>
public sealed record SqlBetween(SqlExpression Operand, SqlExpression Low, SqlExpression High, bool Negated) : SqlExpression;
