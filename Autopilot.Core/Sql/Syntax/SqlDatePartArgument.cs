namespace Autopilot.Core.Sql;

/// <summary>A date part passed to a function such as <c>DATE_TRUNC(d, WEEK)</c> or <c>DATE_DIFF(a, b, DAY)</c>.</summary>
public sealed record SqlDatePartArgument(SqlDatePart Part) : SqlExpression;
