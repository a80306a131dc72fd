namespace Autopilot.Core.Sql;

/// <summary>A date part (<c>DAY</c>, <c>WEEK(MONDAY)</c>, …); names are upper case.</summary>
public sealed record SqlDatePart(string Name, string? WeekStart);
