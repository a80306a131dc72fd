namespace Autopilot.Core.Sql;

/// <summary>A function call, with the aggregate modifiers (DISTINCT, IGNORE|RESPECT NULLS, ORDER BY, LIMIT) and an optional OVER clause.</summary>
public sealed record SqlFunctionCall(
    SqlList<string> Name,
    bool Distinct,
    SqlList<SqlExpression> Arguments,
    SqlNullHandling Nulls,
    SqlList<SqlOrderItem> OrderBy,
    SqlExpression? Limit,
    SqlWindowSpec? Over) : SqlExpression
{
    /// <summary>A plain call <c>name(arguments)</c>.</summary>
    public static SqlFunctionCall Of(string name, params SqlExpression[] arguments) =>
        new([name], false, SqlList.From(arguments), SqlNullHandling.Default, [], null, null);

    /// <summary>The name as written, parts joined by dots.</summary>
    public string DisplayName => string.Join('.', Name);
}
