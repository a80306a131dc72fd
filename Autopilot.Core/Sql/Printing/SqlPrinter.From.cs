namespace Autopilot.Core.Sql;

/// <summary>FROM items and joins.</summary>
public partial class SqlPrinter
{
    private protected void WriteFromItem(SqlFromItem item)
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

    private protected void WriteJoin(SqlJoin join)
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
        else
        {
            WriteMissingJoinCondition(join);
        }
    }

    // BigQuery takes a join without a condition (a join to an UNNEST, say) as it is.
    private protected virtual void WriteMissingJoinCondition(SqlJoin join)
    {
    }

    private protected virtual void WriteUnnest(SqlUnnestRef unnest)
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
    }

    private protected void WriteAlias(string? alias)
    {
        if (alias is not null)
        {
            Text(" AS ");
            WriteName(alias);
        }
    }

    private protected virtual void WriteTablePath(SqlList<string> path)
    {
        for (var i = 0; i < path.Count; i++)
        {
            if (i > 0)
            {
                Text('.');
            }

            WriteName(path[i]);
        }
    }
}
