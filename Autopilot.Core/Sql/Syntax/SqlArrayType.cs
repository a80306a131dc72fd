namespace Autopilot.Core.Sql;

/// <summary><c>ARRAY&lt;element&gt;</c>.</summary>
public sealed record SqlArrayType(SqlType Element) : SqlType;
