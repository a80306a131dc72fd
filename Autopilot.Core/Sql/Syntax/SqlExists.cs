namespace Autopilot.Core.Sql;

/// <summary><c>EXISTS (query)</c>.</summary>
public sealed record SqlExists(SqlQuery Query) : SqlExpression;
