namespace Autopilot.Core.Sql;

/// <summary><c>UNNEST(array) [AS alias] [WITH OFFSET [AS alias]]</c> in FROM.</summary>
public sealed record SqlUnnestRef(SqlExpression Array, string? Alias, bool WithOffset, string? OffsetAlias) : SqlFromItem;
