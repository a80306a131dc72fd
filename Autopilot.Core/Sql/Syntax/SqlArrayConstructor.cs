namespace Autopilot.Core.Sql;

/// <summary><c>[a, b]</c>, <c>ARRAY[a, b]</c> or <c>ARRAY&lt;type&gt;[a, b]</c>.</summary>
public sealed record SqlArrayConstructor(SqlType? ElementType, SqlList<SqlExpression> Elements) : SqlExpression;
