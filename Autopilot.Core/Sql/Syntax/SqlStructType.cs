namespace Autopilot.Core.Sql;

/// <summary><c>STRUCT&lt;[name] type, …&gt;</c>.</summary>
public sealed record SqlStructType(SqlList<SqlStructTypeField> Fields) : SqlType;
