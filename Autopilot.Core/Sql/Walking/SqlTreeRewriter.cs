namespace Autopilot.Core.Sql;

/// <summary>
/// Rebuilds a query bottom-up, letting subclasses replace SELECTs, FROM items or expressions. A node whose children
/// come back unchanged is returned as it is, so an untouched tree costs no allocations.
/// </summary>
internal abstract class SqlTreeRewriter
{
    public virtual SqlQuery RewriteQuery(SqlQuery query)
    {
        var with = Map(query.With, cte => RewriteCte(cte));
        var body = RewriteBody(query.Body);
        var orderBy = Map(query.OrderBy, RewriteOrderItem);
        return ReferenceEquals(with, query.With) && ReferenceEquals(body, query.Body) && ReferenceEquals(orderBy, query.OrderBy)
            ? query
            : query with { With = with, Body = body, OrderBy = orderBy };
    }

    protected virtual SqlCommonTableExpression RewriteCte(SqlCommonTableExpression cte)
    {
        var query = RewriteQuery(cte.Query);
        return ReferenceEquals(query, cte.Query) ? cte : cte with { Query = query };
    }

    protected virtual SqlQueryExpression RewriteBody(SqlQueryExpression body)
    {
        switch (body)
        {
            case SqlSelect select:
                return RewriteSelect(select);
            case SqlQuery query:
                return RewriteQuery(query);
            case SqlSetOperation set:
                var left = RewriteBody(set.Left);
                var right = RewriteBody(set.Right);
                return ReferenceEquals(left, set.Left) && ReferenceEquals(right, set.Right) ? set : set with { Left = left, Right = right };
            default:
                return body;
        }
    }

    protected virtual SqlSelect RewriteSelect(SqlSelect select)
    {
        var items = Map(select.Items, RewriteSelectItem);
        var from = select.From is null ? null : RewriteFrom(select.From);
        var where = Optional(select.Where);
        var groupBy = select.GroupBy is { } g && Map(g.Items, RewriteExpression) is var groupItems && !ReferenceEquals(groupItems, g.Items)
            ? g with { Items = groupItems }
            : select.GroupBy;
        var having = Optional(select.Having);
        var qualify = Optional(select.Qualify);
        var windows = Map(select.Windows, w => RewriteWindow(w.Spec) is var spec && !ReferenceEquals(spec, w.Spec) ? w with { Spec = spec } : w);
        if (ReferenceEquals(items, select.Items) && ReferenceEquals(from, select.From) && ReferenceEquals(where, select.Where)
            && ReferenceEquals(groupBy, select.GroupBy) && ReferenceEquals(having, select.Having)
            && ReferenceEquals(qualify, select.Qualify) && ReferenceEquals(windows, select.Windows))
        {
            return select;
        }

        return select with
        {
            Items = items, From = from, Where = where, GroupBy = groupBy, Having = having, Qualify = qualify, Windows = windows,
        };
    }

    protected virtual SqlSelectItem RewriteSelectItem(SqlSelectItem item)
    {
        switch (item)
        {
            case SqlSelectExpression expression:
                var rewritten = RewriteExpression(expression.Expression);
                return ReferenceEquals(rewritten, expression.Expression) ? item : expression with { Expression = rewritten };
            case SqlSelectStar star:
                var qualifier = Optional(star.Qualifier);
                var replace = Map(star.Replace, r => RewriteExpression(r.Expression) is var e && !ReferenceEquals(e, r.Expression) ? r with { Expression = e } : r);
                return ReferenceEquals(qualifier, star.Qualifier) && ReferenceEquals(replace, star.Replace)
                    ? item
                    : star with { Qualifier = qualifier, Replace = replace };
            default:
                return item;
        }
    }

    protected virtual SqlFromItem RewriteFrom(SqlFromItem item)
    {
        switch (item)
        {
            case SqlTableFunctionRef function:
                var arguments = Map(function.Arguments, RewriteExpression);
                return ReferenceEquals(arguments, function.Arguments) ? item : function with { Arguments = arguments };
            case SqlSubqueryRef subquery:
                var query = RewriteQuery(subquery.Query);
                return ReferenceEquals(query, subquery.Query) ? item : subquery with { Query = query };
            case SqlUnnestRef unnest:
                var array = RewriteExpression(unnest.Array);
                return ReferenceEquals(array, unnest.Array) ? item : unnest with { Array = array };
            case SqlJoin join:
                var left = RewriteFrom(join.Left);
                var right = RewriteFrom(join.Right);
                var on = Optional(join.On);
                return ReferenceEquals(left, join.Left) && ReferenceEquals(right, join.Right) && ReferenceEquals(on, join.On)
                    ? item
                    : join with { Left = left, Right = right, On = on };
            default:
                return item;
        }
    }

    protected virtual SqlWindowSpec RewriteWindow(SqlWindowSpec window)
    {
        var partitionBy = Map(window.PartitionBy, RewriteExpression);
        var orderBy = Map(window.OrderBy, RewriteOrderItem);
        var frame = window.Frame;
        if (frame is not null)
        {
            var start = RewriteBound(frame.Start);
            var end = frame.End is null ? null : RewriteBound(frame.End);
            if (!ReferenceEquals(start, frame.Start) || !ReferenceEquals(end, frame.End))
            {
                frame = frame with { Start = start, End = end };
            }
        }

        return ReferenceEquals(partitionBy, window.PartitionBy) && ReferenceEquals(orderBy, window.OrderBy) && ReferenceEquals(frame, window.Frame)
            ? window
            : window with { PartitionBy = partitionBy, OrderBy = orderBy, Frame = frame };
    }

    private SqlFrameBound RewriteBound(SqlFrameBound bound)
    {
        var offset = Optional(bound.Offset);
        return ReferenceEquals(offset, bound.Offset) ? bound : bound with { Offset = offset };
    }

    protected SqlOrderItem RewriteOrderItem(SqlOrderItem item)
    {
        var expression = RewriteExpression(item.Expression);
        return ReferenceEquals(expression, item.Expression) ? item : item with { Expression = expression };
    }

    protected virtual SqlExpression RewriteExpression(SqlExpression expression)
    {
        switch (expression)
        {
            case SqlIntervalLiteral x:
                return Keep(x, x.Value, RewriteExpression(x.Value), v => x with { Value = v });
            case SqlUnary x:
                return Keep(x, x.Operand, RewriteExpression(x.Operand), v => x with { Operand = v });
            case SqlBinary x:
                return Keep2(x, x.Left, x.Right, (l, r) => x with { Left = l, Right = r });
            case SqlIs x:
                return Keep(x, x.Operand, RewriteExpression(x.Operand), v => x with { Operand = v });
            case SqlIsDistinctFrom x:
                return Keep2(x, x.Left, x.Right, (l, r) => x with { Left = l, Right = r });
            case SqlLike x:
                return Keep2(x, x.Operand, x.Pattern, (l, r) => x with { Operand = l, Pattern = r });
            case SqlBetween x:
                var operand = RewriteExpression(x.Operand);
                var low = RewriteExpression(x.Low);
                var high = RewriteExpression(x.High);
                return ReferenceEquals(operand, x.Operand) && ReferenceEquals(low, x.Low) && ReferenceEquals(high, x.High)
                    ? x
                    : x with { Operand = operand, Low = low, High = high };
            case SqlInList x:
                var inOperand = RewriteExpression(x.Operand);
                var values = Map(x.Values, RewriteExpression);
                return ReferenceEquals(inOperand, x.Operand) && ReferenceEquals(values, x.Values) ? x : x with { Operand = inOperand, Values = values };
            case SqlInSubquery x:
                var subOperand = RewriteExpression(x.Operand);
                var subquery = RewriteQuery(x.Query);
                return ReferenceEquals(subOperand, x.Operand) && ReferenceEquals(subquery, x.Query) ? x : x with { Operand = subOperand, Query = subquery };
            case SqlInUnnest x:
                return Keep2(x, x.Operand, x.Array, (l, r) => x with { Operand = l, Array = r });
            case SqlExists x:
                return Keep(x, x.Query, RewriteQuery(x.Query), q => x with { Query = q });
            case SqlScalarSubquery x:
                return Keep(x, x.Query, RewriteQuery(x.Query), q => x with { Query = q });
            case SqlArraySubquery x:
                return Keep(x, x.Query, RewriteQuery(x.Query), q => x with { Query = q });
            case SqlCase x:
                var caseOperand = Optional(x.Operand);
                var whens = Map(x.Whens, w =>
                {
                    var condition = RewriteExpression(w.Condition);
                    var result = RewriteExpression(w.Result);
                    return ReferenceEquals(condition, w.Condition) && ReferenceEquals(result, w.Result) ? w : new SqlWhenClause(condition, result);
                });
                var otherwise = Optional(x.Else);
                return ReferenceEquals(caseOperand, x.Operand) && ReferenceEquals(whens, x.Whens) && ReferenceEquals(otherwise, x.Else)
                    ? x
                    : x with { Operand = caseOperand, Whens = whens, Else = otherwise };
            case SqlCast x:
                var castOperand = RewriteExpression(x.Operand);
                var format = Optional(x.Format);
                return ReferenceEquals(castOperand, x.Operand) && ReferenceEquals(format, x.Format) ? x : x with { Operand = castOperand, Format = format };
            case SqlExtract x:
                var source = RewriteExpression(x.Source);
                var zone = Optional(x.TimeZone);
                return ReferenceEquals(source, x.Source) && ReferenceEquals(zone, x.TimeZone) ? x : x with { Source = source, TimeZone = zone };
            case SqlFunctionCall x:
                var arguments = Map(x.Arguments, RewriteExpression);
                var orderBy = Map(x.OrderBy, RewriteOrderItem);
                var over = x.Over is null ? null : RewriteWindow(x.Over);
                return ReferenceEquals(arguments, x.Arguments) && ReferenceEquals(orderBy, x.OrderBy) && ReferenceEquals(over, x.Over)
                    ? x
                    : x with { Arguments = arguments, OrderBy = orderBy, Over = over };
            case SqlStructConstructor x:
                var members = Map(x.Members, m => RewriteExpression(m.Value) is var v && !ReferenceEquals(v, m.Value) ? m with { Value = v } : m);
                return ReferenceEquals(members, x.Members) ? x : x with { Members = members };
            case SqlArrayConstructor x:
                var elements = Map(x.Elements, RewriteExpression);
                return ReferenceEquals(elements, x.Elements) ? x : x with { Elements = elements };
            case SqlSubscript x:
                return Keep2(x, x.Target, x.Index, (l, r) => x with { Target = l, Index = r });
            case SqlFieldAccess x:
                return Keep(x, x.Target, RewriteExpression(x.Target), v => x with { Target = v });
            case SqlGroupingSet x:
                var items = Map(x.Items, RewriteExpression);
                return ReferenceEquals(items, x.Items) ? x : x with { Items = items };
            default:
                return expression;
        }
    }

    protected SqlExpression? Optional(SqlExpression? expression) => expression is null ? null : RewriteExpression(expression);

    private static SqlExpression Keep<T>(SqlExpression node, T before, T after, Func<T, SqlExpression> rebuild)
        where T : class =>
        ReferenceEquals(before, after) ? node : rebuild(after);

    private SqlExpression Keep2(SqlExpression node, SqlExpression first, SqlExpression second, Func<SqlExpression, SqlExpression, SqlExpression> rebuild)
    {
        var a = RewriteExpression(first);
        var b = RewriteExpression(second);
        return ReferenceEquals(a, first) && ReferenceEquals(b, second) ? node : rebuild(a, b);
    }

    /// <summary>Maps each item; returns <paramref name="items"/> itself when nothing changed.</summary>
    protected static SqlList<T> Map<T>(SqlList<T> items, Func<T, T> rewrite)
        where T : class
    {
        T[]? changed = null;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var rewritten = rewrite(item);
            if (changed is null && !ReferenceEquals(rewritten, item))
            {
                changed = new T[items.Count];
                for (var j = 0; j < i; j++)
                {
                    changed[j] = items[j];
                }
            }

            if (changed is not null)
            {
                changed[i] = rewritten;
            }
        }

        return changed is null ? items : new SqlList<T>(changed);
    }
}
