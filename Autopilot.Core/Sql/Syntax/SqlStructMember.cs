namespace Autopilot.Core.Sql;

/// <summary>One value of a STRUCT constructor, with its optional field name.</summary>
public sealed record SqlStructMember(SqlExpression Value, string? Alias);
