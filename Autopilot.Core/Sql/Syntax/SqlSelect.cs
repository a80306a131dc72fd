namespace Autopilot.Core.Sql;

/// <summary><c>SELECT [DISTINCT] [AS STRUCT|AS VALUE] … [FROM …] [WHERE …] [GROUP BY …] [HAVING …] [QUALIFY …] [WINDOW …]</c>.</summary>
public sealed record SqlSelect(
    bool Distinct,
    SqlSelectMode Mode,
    SqlList<SqlSelectItem> Items,
    SqlFromItem? From,
    SqlExpression? Where,
    SqlGroupBy? GroupBy,
    SqlExpression? Having,
    SqlExpression? Qualify,
    SqlList<SqlNamedWindow> Windows) : SqlQueryExpression
{
    /// <summary>A plain <c>SELECT items FROM from</c>.</summary>
    public static SqlSelect Of(SqlList<SqlSelectItem> items, SqlFromItem? from = null) =>
        new(false, SqlSelectMode.Default, items, from, null, null, null, null, []);
}
