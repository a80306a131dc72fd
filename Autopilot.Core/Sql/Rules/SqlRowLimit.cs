using System.Globalization;

namespace Autopilot.Core.Sql;

/// <summary>
/// Bounds the rows a query returns: a top-level query that returns rows without aggregating gets
/// <c>LIMIT DefaultLimit</c>; any top-level LIMIT above the cap is lowered to it.
/// </summary>
internal static class SqlRowLimit
{
    public readonly record struct Outcome(SqlQuery Query, string? Reason, string? RuleId, bool Refused);

    public static Outcome Apply(SqlQuery query, SqlGateOptions options)
    {
        var max = Math.Max(0, options.EffectiveMaxLimit);
        var maxText = max.ToString(CultureInfo.InvariantCulture);
        switch (query.Limit?.Count)
        {
            case SqlNumberLiteral number:
                if (ValueOf(number) is { } value && value <= max)
                {
                    return new Outcome(query, null, null, false);
                }

                return new Outcome(
                    query with { Limit = query.Limit with { Count = new SqlNumberLiteral(maxText) } },
                    $"LIMIT capped to {maxText}",
                    SqlRuleIds.LimitCapped,
                    false);
            case SqlParameter parameter:
                return new Outcome(
                    query,
                    $"LIMIT not checked: {(parameter.Name is null ? "?" : "@" + parameter.Name)} cannot be held to the cap of {maxText}; use a number",
                    SqlRuleIds.LimitNotChecked,
                    true);
        }

        if (IsAggregated(query.Body))
        {
            return new Outcome(query, null, null, false);
        }

        var limit = Math.Min(options.DefaultLimit, max).ToString(CultureInfo.InvariantCulture);
        return new Outcome(query with { Limit = new SqlLimit(new SqlNumberLiteral(limit), null) }, "LIMIT auto-added", SqlRuleIds.LimitAdded, false);
    }

    private static long? ValueOf(SqlNumberLiteral number)
    {
        var text = number.Text;
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return long.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex) && hex >= 0 ? hex : null;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    // Rows come out of aggregation (GROUP BY or an aggregate call in the select list, HAVING or QUALIFY), or a nested
    // query already bounds them with its own LIMIT.
    private static bool IsAggregated(SqlQueryExpression body) => body switch
    {
        SqlSelect select => select.GroupBy is not null || AggregateCalls.In(select),
        SqlQuery query => query.Limit is not null || IsAggregated(query.Body),
        SqlSetOperation set => IsAggregated(set.Left) && IsAggregated(set.Right),
        _ => false,
    };

    private sealed class AggregateCalls : SqlTreeWalker
    {
        private bool _found;

        public static bool In(SqlSelect select)
        {
            var finder = new AggregateCalls();
            foreach (var item in select.Items)
            {
                if (item is SqlSelectExpression expression)
                {
                    finder.VisitExpression(expression.Expression);
                }
            }

            finder.VisitOptional(select.Having);
            finder.VisitOptional(select.Qualify);
            return finder._found;
        }

        protected override void VisitSubquery(SqlQuery query)
        {
        }

        protected override void VisitExpression(SqlExpression expression)
        {
            if (_found)
            {
                return;
            }

            if (expression is SqlFunctionCall call && BigQueryFunctions.IsAggregate(call))
            {
                _found = true;
                return;
            }

            base.VisitExpression(expression);
        }
    }
}
