namespace Autopilot.Core.Sql;

/// <summary><c>TRUE</c> or <c>FALSE</c>.</summary>
public sealed record SqlBooleanLiteral(bool Value) : SqlExpression;
