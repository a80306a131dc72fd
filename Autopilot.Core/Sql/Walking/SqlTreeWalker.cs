namespace Autopilot.Core.Sql;

/// <summary>
/// Visits every node of a query. Subclasses override the hooks they need; <see cref="VisitSubquery"/> is where a query
/// nests inside another (FROM subqueries, CTE bodies, scalar/IN/EXISTS/ARRAY subqueries), so depth can be counted there.
/// </summary>
internal abstract class SqlTreeWalker
{
    public virtual void VisitQuery(SqlQuery query)
    {
        foreach (var cte in query.With)
        {
            VisitSubquery(cte.Query);
        }

        VisitBody(query.Body);
        foreach (var item in query.OrderBy)
        {
            VisitExpression(item.Expression);
        }
    }

    protected virtual void VisitSubquery(SqlQuery query) => VisitQuery(query);

    protected virtual void VisitBody(SqlQueryExpression body)
    {
        switch (body)
        {
            case SqlSelect select:
                VisitSelect(select);
                break;
            case SqlQuery query:
                // A parenthesized query operand sits at the same level as its siblings.
                VisitQuery(query);
                break;
            case SqlSetOperation set:
                VisitBody(set.Left);
                VisitBody(set.Right);
                break;
        }
    }

    protected virtual void VisitSelect(SqlSelect select)
    {
        foreach (var item in select.Items)
        {
            switch (item)
            {
                case SqlSelectExpression expression:
                    VisitExpression(expression.Expression);
                    break;
                case SqlSelectStar star:
                    if (star.Qualifier is { } qualifier)
                    {
                        VisitExpression(qualifier);
                    }

                    foreach (var replacement in star.Replace)
                    {
                        VisitExpression(replacement.Expression);
                    }

                    break;
            }
        }

        if (select.From is { } from)
        {
            VisitFrom(from);
        }

        VisitOptional(select.Where);
        if (select.GroupBy is { } groupBy)
        {
            VisitAll(groupBy.Items);
        }

        VisitOptional(select.Having);
        VisitOptional(select.Qualify);
        foreach (var window in select.Windows)
        {
            VisitWindow(window.Spec);
        }
    }

    protected virtual void VisitFrom(SqlFromItem item)
    {
        switch (item)
        {
            case SqlTableFunctionRef function:
                VisitAll(function.Arguments);
                break;
            case SqlSubqueryRef subquery:
                VisitSubquery(subquery.Query);
                break;
            case SqlUnnestRef unnest:
                VisitExpression(unnest.Array);
                break;
            case SqlJoin join:
                VisitFrom(join.Left);
                VisitFrom(join.Right);
                VisitOptional(join.On);
                break;
        }
    }

    protected virtual void VisitWindow(SqlWindowSpec window)
    {
        VisitAll(window.PartitionBy);
        foreach (var item in window.OrderBy)
        {
            VisitExpression(item.Expression);
        }

        if (window.Frame is { } frame)
        {
            VisitOptional(frame.Start.Offset);
            VisitOptional(frame.End?.Offset);
        }
    }

    protected virtual void VisitExpression(SqlExpression expression)
    {
        switch (expression)
        {
            case SqlIntervalLiteral interval:
                VisitExpression(interval.Value);
                break;
            case SqlUnary unary:
                VisitExpression(unary.Operand);
                break;
            case SqlBinary binary:
                VisitExpression(binary.Left);
                VisitExpression(binary.Right);
                break;
            case SqlIs test:
                VisitExpression(test.Operand);
                break;
            case SqlIsDistinctFrom distinct:
                VisitExpression(distinct.Left);
                VisitExpression(distinct.Right);
                break;
            case SqlLike like:
                VisitExpression(like.Operand);
                VisitExpression(like.Pattern);
                break;
            case SqlBetween between:
                VisitExpression(between.Operand);
                VisitExpression(between.Low);
                VisitExpression(between.High);
                break;
            case SqlInList inList:
                VisitExpression(inList.Operand);
                VisitAll(inList.Values);
                break;
            case SqlInSubquery inQuery:
                VisitExpression(inQuery.Operand);
                VisitSubquery(inQuery.Query);
                break;
            case SqlInUnnest inUnnest:
                VisitExpression(inUnnest.Operand);
                VisitExpression(inUnnest.Array);
                break;
            case SqlExists exists:
                VisitSubquery(exists.Query);
                break;
            case SqlScalarSubquery scalar:
                VisitSubquery(scalar.Query);
                break;
            case SqlArraySubquery array:
                VisitSubquery(array.Query);
                break;
            case SqlCase @case:
                VisitOptional(@case.Operand);
                foreach (var when in @case.Whens)
                {
                    VisitExpression(when.Condition);
                    VisitExpression(when.Result);
                }

                VisitOptional(@case.Else);
                break;
            case SqlCast cast:
                VisitExpression(cast.Operand);
                VisitOptional(cast.Format);
                break;
            case SqlExtract extract:
                VisitExpression(extract.Source);
                VisitOptional(extract.TimeZone);
                break;
            case SqlFunctionCall call:
                VisitAll(call.Arguments);
                foreach (var item in call.OrderBy)
                {
                    VisitExpression(item.Expression);
                }

                if (call.Over is { } over)
                {
                    VisitWindow(over);
                }

                break;
            case SqlStructConstructor structure:
                foreach (var member in structure.Members)
                {
                    VisitExpression(member.Value);
                }

                break;
            case SqlArrayConstructor array:
                VisitAll(array.Elements);
                break;
            case SqlSubscript subscript:
                VisitExpression(subscript.Target);
                VisitExpression(subscript.Index);
                break;
            case SqlFieldAccess field:
                VisitExpression(field.Target);
                break;
            case SqlGroupingSet set:
                VisitAll(set.Items);
                break;
        }
    }

    protected void VisitOptional(SqlExpression? expression)
    {
        if (expression is not null)
        {
            VisitExpression(expression);
        }
    }

    protected void VisitAll(SqlList<SqlExpression> expressions)
    {
        foreach (var expression in expressions)
        {
            VisitExpression(expression);
        }
    }
}
