namespace Autopilot.Core.Sql;

/// <summary>Queries, SELECT and set operations.</summary>
public sealed partial class SqlPrinter
{
    private void WriteQuery(SqlQuery query)
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

    private void WriteBody(SqlQueryExpression body)
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
    private void WriteSetOperation(SqlSetOperation set)
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
        else if (!DuckDb)
        {
            Text(" DISTINCT");
        }

        Text(' ');
        WriteSetOperand(set.Right, parenthesize: set.Right is SqlSetOperation);
    }

    private void WriteSetOperand(SqlQueryExpression operand, bool parenthesize)
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

    private void WriteSelect(SqlSelect select)
    {
        Text("SELECT ");
        if (select.Distinct)
        {
            Text("DISTINCT ");
        }

        if (DuckDb && select.Mode != SqlSelectMode.Default && select.Items.All(i => i is SqlSelectExpression))
        {
            WriteDuckDbValueTableItems(select);
        }
        else
        {
            if (select.Mode != SqlSelectMode.Default)
            {
                Text(select.Mode == SqlSelectMode.AsStruct ? "AS STRUCT " : "AS VALUE ");
            }

            Join(select.Items, WriteSelectItem);
        }
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

        // DuckDB only accepts WINDOW before QUALIFY; BigQuery documents QUALIFY first.
        if (DuckDb)
        {
            WriteWindowClause(select.Windows);
        }

        if (select.Qualify is { } qualify)
        {
            Text(" QUALIFY ");
            WriteExpression(qualify);
        }

        if (!DuckDb)
        {
            WriteWindowClause(select.Windows);
        }
    }

    private void WriteWindowClause(SqlList<SqlNamedWindow> windows)
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

    private void WriteSelectItem(SqlSelectItem item)
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
                    Text(DuckDb ? " EXCLUDE (" : " EXCEPT (");
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

    private void WriteOrderItem(SqlOrderItem item)
    {
        WriteExpression(item.Expression);
        if (item.Direction != SqlSortDirection.Default)
        {
            Text(item.Direction == SqlSortDirection.Ascending ? " ASC" : " DESC");
        }

        var nulls = item.Nulls;
        if (DuckDb && nulls == SqlNullsOrder.Default)
        {
            // BigQuery's default puts NULLs first ascending and last descending; DuckDB's puts them last both ways.
            nulls = item.Direction == SqlSortDirection.Descending ? SqlNullsOrder.Last : SqlNullsOrder.First;
        }

        if (nulls != SqlNullsOrder.Default)
        {
            Text(nulls == SqlNullsOrder.First ? " NULLS FIRST" : " NULLS LAST");
        }
    }

    // DuckDB has no value tables: AS VALUE becomes the one column itself, AS STRUCT one struct_pack column whose fields
    // are named as BigQuery names them (alias, else the column's name, else by position).
    private void WriteDuckDbValueTableItems(SqlSelect select)
    {
        if (select.Mode == SqlSelectMode.AsValue)
        {
            Join(select.Items, WriteSelectItem);
            return;
        }

        Text("struct_pack(");
        for (var i = 0; i < select.Items.Count; i++)
        {
            var item = (SqlSelectExpression)select.Items[i];
            if (i > 0)
            {
                Text(", ");
            }

            WriteName(item.Alias ?? (item.Expression is SqlColumnRef column ? column.Path[^1] : $"_field_{i + 1}"));
            Text(" := ");
            WriteExpression(item.Expression);
        }

        Text(')');
    }
}
