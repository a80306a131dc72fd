namespace Autopilot.Core.Sql;

/// <summary>A prefix operator applied to an operand.</summary>
public sealed record SqlUnary(SqlUnaryOperator Operator, SqlExpression Operand) : SqlExpression;
