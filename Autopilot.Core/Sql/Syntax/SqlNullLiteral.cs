namespace Autopilot.Core.Sql;

/// <summary><c>NULL</c>.</summary>
public sealed record SqlNullLiteral : SqlExpression;
