namespace Autopilot.Core.Sql;

/// <summary>FROM items and joins.</summary>
public sealed partial class SqlPrinter
{
    private void WriteFromItem(SqlFromItem item)
    {
        switch (item)
        {
            case SqlTableRef table:
                WriteTablePath(table.Path);
                WriteAlias(table.Alias);
                break;
            case SqlTableFunctionRef function:
                WriteFunctionName(function.Name);
                Text('(');
                Expressions(function.Arguments);
                Text(')');
                WriteAlias(function.Alias);
                break;
            case SqlSubqueryRef subquery:
                Text('(');
                WriteQuery(subquery.Query);
                Text(')');
                WriteAlias(subquery.Alias);
                break;
            case SqlUnnestRef unnest:
                WriteUnnest(unnest);
                break;
            case SqlJoin join:
                WriteJoin(join);
                break;
            default:
                throw new ArgumentException($"Unknown FROM item {item.GetType().Name}", nameof(item));
        }
    }

    private void WriteJoin(SqlJoin join)
    {
        WriteFromItem(join.Left);
        Text(join.Kind switch
        {
            SqlJoinKind.Comma => ", ",
            SqlJoinKind.Cross => " CROSS JOIN ",
            SqlJoinKind.Inner => " JOIN ",
            SqlJoinKind.Left => " LEFT JOIN ",
            SqlJoinKind.Right => " RIGHT JOIN ",
            _ => " FULL JOIN ",
        });

        // Joins associate to the left, so a join on the right needs its parentheses back.
        if (join.Right is SqlJoin)
        {
            Text('(');
            WriteFromItem(join.Right);
            Text(')');
        }
        else
        {
            WriteFromItem(join.Right);
        }

        if (join.On is { } on)
        {
            Text(" ON ");
            WriteExpression(on);
        }
        else if (join.Using.Count > 0)
        {
            Text(" USING (");
            Join(join.Using, WriteName);
            Text(')');
        }
        else if (DuckDb && join.Kind is not (SqlJoinKind.Comma or SqlJoinKind.Cross))
        {
            Text(" ON TRUE");
        }
    }

    private void WriteUnnest(SqlUnnestRef unnest)
    {
        if (!DuckDb)
        {
            Text("UNNEST(");
            WriteExpression(unnest.Array);
            Text(')');
            WriteAlias(unnest.Alias);
            if (unnest.WithOffset)
            {
                Text(" WITH OFFSET");
                WriteAlias(unnest.OffsetAlias);
            }

            return;
        }

        if (!unnest.WithOffset && unnest.Alias is null)
        {
            // Without an alias BigQuery makes each field of a STRUCT element a column; DuckDB does so when unnest
            // goes one level into the elements (max_depth 2: the list, then the struct).
            Text("LATERAL (SELECT unnest(");
            WriteExpression(unnest.Array);
            Text(", max_depth := 2) AS \"unnest\")");
            return;
        }

        if (!unnest.WithOffset)
        {
            // BigQuery's alias names both the row and its value; DuckDB needs the column named too.
            Text("unnest(");
            WriteExpression(unnest.Array);
            Text(')');
            if (unnest.Alias is { } alias)
            {
                Text(" AS ");
                WriteName(alias);
                Text('(');
                WriteName(alias);
                Text(')');
            }

            return;
        }

        // WITH OFFSET counts from 0; DuckDB's WITH ORDINALITY from 1.
        var value = unnest.Alias ?? "value";
        Text("LATERAL (SELECT \"_u\".\"_v\" AS ");
        WriteName(value);
        Text(", \"_u\".\"_o\" - 1 AS ");
        WriteName(unnest.OffsetAlias ?? "offset");
        Text(" FROM unnest(");
        WriteExpression(unnest.Array);
        Text(") WITH ORDINALITY AS \"_u\"(\"_v\", \"_o\")) AS ");
        WriteName(value);
    }

    private void WriteAlias(string? alias)
    {
        if (alias is not null)
        {
            Text(" AS ");
            WriteName(alias);
        }
    }

    // DuckDB has no projects: project.dataset.table becomes dataset.table.
    private void WriteTablePath(SqlList<string> path)
    {
        var start = DuckDb && path.Count >= 3 ? path.Count - 2 : 0;
        for (var i = start; i < path.Count; i++)
        {
            if (i > start)
            {
                Text('.');
            }

            WriteName(path[i]);
        }
    }
}
