namespace Autopilot.Core.Sql;

/// <summary>An infix operator applied to two operands.</summary>
public sealed record SqlBinary(SqlBinaryOperator Operator, SqlExpression Left, SqlExpression Right) : SqlExpression;
