namespace Autopilot.Core.Sql;

/// <summary><c>(query)</c> used as a value.</summary>
public sealed record SqlScalarSubquery(SqlQuery Query) : SqlExpression;
