namespace Autopilot.Core.Sql;

/// <summary>A complete query: optional WITH, a body, optional ORDER BY and LIMIT. Parenthesized, it is also a body.</summary>
public sealed record SqlQuery(
    SqlList<SqlCommonTableExpression> With,
    SqlQueryExpression Body,
    SqlList<SqlOrderItem> OrderBy,
    SqlLimit? Limit) : SqlQueryExpression
{
    /// <summary>A query that is just <paramref name="body"/>.</summary>
    public static SqlQuery Of(SqlQueryExpression body) => new([], body, [], null);
}
