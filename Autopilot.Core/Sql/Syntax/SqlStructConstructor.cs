namespace Autopilot.Core.Sql;

/// <summary><c>STRUCT(v [AS name], …)</c> or <c>STRUCT&lt;name type, …&gt;(v, …)</c>.</summary>
public sealed record SqlStructConstructor(SqlStructType? Type, SqlList<SqlStructMember> Members) : SqlExpression;
