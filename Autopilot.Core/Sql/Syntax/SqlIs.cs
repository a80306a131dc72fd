namespace Autopilot.Core.Sql;

/// <summary><c>x IS [NOT] NULL|TRUE|FALSE|UNKNOWN</c>.</summary>
public sealed record SqlIs(SqlExpression Operand, SqlIsTest Test, bool Negated) : SqlExpression;
