namespace Autopilot.Core.Sql;

/// <summary><c>(query) [AS alias]</c> in FROM.</summary>
public sealed record SqlSubqueryRef(SqlQuery Query, string? Alias) : SqlFromItem;
