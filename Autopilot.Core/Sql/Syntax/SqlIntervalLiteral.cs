namespace Autopilot.Core.Sql;

/// <summary><c>INTERVAL value unit [TO unit]</c>; units are upper case.</summary>
public sealed record SqlIntervalLiteral(SqlExpression Value, string Unit, string? ToUnit) : SqlExpression;
