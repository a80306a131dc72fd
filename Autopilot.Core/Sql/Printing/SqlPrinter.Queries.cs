namespace Autopilot.Core.Sql;

/// <summary>Queries, SELECT and set operations.</summary>
public partial class SqlPrinter
{
    private protected void WriteQuery(SqlQuery query)
    {
        if (query.With.Count > 0)
        {
            Text("WITH ");
            Join(query.With, cte =>
            {
                WriteName(cte.Name);
                Text(" AS (");
                WriteQuery(cte.Query);
                Text(')');
            });
            Text(' ');
        }

        WriteBody(query.Body);
        if (query.OrderBy.Count > 0)
        {
            Text(" ORDER BY ");
            Join(query.OrderBy, WriteOrderItem);
        }

        if (query.Limit is { } limit)
        {
            Text(" LIMIT ");
            WriteExpression(limit.Count);
            if (limit.Offset is { } offset)
            {
                Text(" OFFSET ");
                WriteExpression(offset);
            }
        }
    }

    private protected void WriteBody(SqlQueryExpression body)
    {
        switch (body)
        {
            case SqlSelect select:
                WriteSelect(select);
                break;
            case SqlQuery query:
                Text('(');
                WriteQuery(query);
                Text(')');
                break;
            case SqlSetOperation set:
                WriteSetOperation(set);
                break;
            default:
                throw new ArgumentException($"Unknown query body {body.GetType().Name}", nameof(body));
        }
    }

    // A chain of one operator reads left to right; any other operation inside it is parenthesized (BigQuery requires
    // that, and DuckDB would otherwise bind INTERSECT tighter than UNION).
    private protected void WriteSetOperation(SqlSetOperation set)
    {
        var sameChain = set.Left is SqlSetOperation left && left.Operator == set.Operator && left.All == set.All;
        WriteSetOperand(set.Left, parenthesize: set.Left is SqlSetOperation && !sameChain);
        Text(' ');
        Text(set.Operator switch
        {
            SqlSetOperator.Union => "UNION",
            SqlSetOperator.Intersect => "INTERSECT",
            _ => "EXCEPT",
        });
        if (set.All)
        {
            Text(" ALL");
        }
        else
        {
            Text(SetDistinct);
        }

        Text(' ');
        WriteSetOperand(set.Right, parenthesize: set.Right is SqlSetOperation);
    }

    /// <summary>What marks a set operation without ALL (BigQuery requires DISTINCT there).</summary>
    private protected virtual string SetDistinct => " DISTINCT";

    private protected void WriteSetOperand(SqlQueryExpression operand, bool parenthesize)
    {
        if (parenthesize)
        {
            Text('(');
            WriteBody(operand);
            Text(')');
        }
        else
        {
            WriteBody(operand);
        }
    }

    private protected void WriteSelect(SqlSelect select)
    {
        Text("SELECT ");
        if (select.Distinct)
        {
            Text("DISTINCT ");
        }

        WriteSelectItems(select);
        if (select.From is { } from)
        {
            Text(" FROM ");
            WriteFromItem(from);
        }

        if (select.Where is { } where)
        {
            Text(" WHERE ");
            WriteExpression(where);
        }

        if (select.GroupBy is { } groupBy)
        {
            Text(" GROUP BY ");
            if (groupBy.All)
            {
                Text("ALL");
            }
            else
            {
                Expressions(groupBy.Items);
            }
        }

        if (select.Having is { } having)
        {
            Text(" HAVING ");
            WriteExpression(having);
        }

        WriteQualifyAndWindows(select);
    }

    private protected virtual void WriteSelectItems(SqlSelect select)
    {
        if (select.Mode != SqlSelectMode.Default)
        {
            Text(select.Mode == SqlSelectMode.AsStruct ? "AS STRUCT " : "AS VALUE ");
        }

        Join(select.Items, WriteSelectItem);
    }

    // BigQuery documents QUALIFY before WINDOW.
    private protected virtual void WriteQualifyAndWindows(SqlSelect select)
    {
        WriteQualify(select.Qualify);
        WriteWindowClause(select.Windows);
    }

    private protected void WriteQualify(SqlExpression? qualify)
    {
        if (qualify is not null)
        {
            Text(" QUALIFY ");
            WriteExpression(qualify);
        }
    }

    private protected void WriteWindowClause(SqlList<SqlNamedWindow> windows)
    {
        if (windows.Count == 0)
        {
            return;
        }

        Text(" WINDOW ");
        Join(windows, window =>
        {
            WriteName(window.Name);
            Text(" AS ");
            if (window.Spec.IsReference)
            {
                WriteName(window.Spec.Name!);
            }
            else
            {
                WriteWindowSpecBody(window.Spec);
            }
        });
    }

    private protected void WriteSelectItem(SqlSelectItem item)
    {
        switch (item)
        {
            case SqlSelectExpression expression:
                WriteExpression(expression.Expression);
                if (expression.Alias is { } alias)
                {
                    Text(" AS ");
                    WriteName(alias);
                }

                break;
            case SqlSelectStar star:
                if (star.Qualifier is { } qualifier)
                {
                    WriteOperand(qualifier, SqlPrecedence.Postfix);
                    Text('.');
                }

                Text('*');
                if (star.Except.Count > 0)
                {
                    Text(StarExcept);
                    Join(star.Except, WriteName);
                    Text(')');
                }

                if (star.Replace.Count > 0)
                {
                    Text(" REPLACE (");
                    Join(star.Replace, replacement =>
                    {
                        WriteExpression(replacement.Expression);
                        Text(" AS ");
                        WriteName(replacement.Column);
                    });
                    Text(')');
                }

                break;
            default:
                throw new ArgumentException($"Unknown select item {item.GetType().Name}", nameof(item));
        }
    }

    private protected virtual string StarExcept => " EXCEPT (";

    private protected void WriteOrderItem(SqlOrderItem item)
    {
        WriteExpression(item.Expression);
        if (item.Direction != SqlSortDirection.Default)
        {
            Text(item.Direction == SqlSortDirection.Ascending ? " ASC" : " DESC");
        }

        var nulls = NullsOrderOf(item);
        if (nulls != SqlNullsOrder.Default)
        {
            Text(nulls == SqlNullsOrder.First ? " NULLS FIRST" : " NULLS LAST");
        }
    }

    /// <summary>Where an ORDER BY item puts NULLs, as written (BigQuery: only when the query says).</summary>
    private protected virtual SqlNullsOrder NullsOrderOf(SqlOrderItem item) => item.Nulls;
}
