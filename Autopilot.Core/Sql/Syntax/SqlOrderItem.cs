namespace Autopilot.Core.Sql;

/// <summary><c>expr [ASC|DESC] [NULLS FIRST|LAST]</c>.</summary>
public sealed record SqlOrderItem(SqlExpression Expression, SqlSortDirection Direction, SqlNullsOrder Nulls)
{
    /// <summary>An item with the default direction and null order.</summary>
    public static SqlOrderItem Of(SqlExpression expression) => new(expression, SqlSortDirection.Default, SqlNullsOrder.Default);
}
