namespace Autopilot.Core.Sql;

/// <summary><c>EXTRACT(part FROM x [AT TIME ZONE tz])</c>.</summary>
public sealed record SqlExtract(SqlDatePart Part, SqlExpression Source, SqlExpression? TimeZone) : SqlExpression;
