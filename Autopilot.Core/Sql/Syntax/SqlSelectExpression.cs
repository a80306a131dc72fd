namespace Autopilot.Core.Sql;

/// <summary><c>expr [AS alias]</c> in a SELECT list.</summary>
public sealed record SqlSelectExpression(SqlExpression Expression, string? Alias) : SqlSelectItem;
