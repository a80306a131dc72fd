namespace Autopilot.Core.Sql;

/// <summary><c>x.field</c> where x is not a plain name path (those stay one <see cref="SqlColumnRef"/>).</summary>
public sealed record SqlFieldAccess(SqlExpression Target, string Field) : SqlExpression;
