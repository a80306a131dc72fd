namespace Autopilot.Core.Sql;

/// <summary><c>x [NOT] IN UNNEST(array)</c>.</summary>
public sealed record SqlInUnnest(SqlExpression Operand, SqlExpression Array, bool Negated) : SqlExpression;
