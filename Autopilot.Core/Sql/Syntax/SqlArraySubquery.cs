namespace Autopilot.Core.Sql;

/// <summary><c>ARRAY(query)</c>.</summary>
public sealed record SqlArraySubquery(SqlQuery Query) : SqlExpression;
