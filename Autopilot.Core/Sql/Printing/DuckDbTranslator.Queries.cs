namespace Autopilot.Core.Sql;

/// <summary>Query clauses and FROM items as DuckDB writes them.</summary>
internal sealed partial class DuckDbTranslator
{
    // DuckDB's UNION, INTERSECT and EXCEPT are DISTINCT by default and do not take the word.
    private protected override string SetDistinct => string.Empty;

    private protected override string StarExcept => " EXCLUDE (";

    // BigQuery's default puts NULLs first ascending and last descending; DuckDB's puts them last both ways.
    private protected override SqlNullsOrder NullsOrderOf(SqlOrderItem item) =>
        item.Nulls != SqlNullsOrder.Default ? item.Nulls
        : item.Direction == SqlSortDirection.Descending ? SqlNullsOrder.Last : SqlNullsOrder.First;

    // DuckDB only accepts WINDOW before QUALIFY.
    private protected override void WriteQualifyAndWindows(SqlSelect select)
    {
        WriteWindowClause(select.Windows);
        WriteQualify(select.Qualify);
    }

    // DuckDB has no value tables: AS VALUE becomes the one column itself, AS STRUCT one struct_pack column whose fields
    // are named as BigQuery names them (alias, else the column's name, else by position).
    private protected override void WriteSelectItems(SqlSelect select)
    {
        if (select.Mode == SqlSelectMode.Default || !select.Items.All(i => i is SqlSelectExpression))
        {
            base.WriteSelectItems(select);
            return;
        }

        if (select.Mode == SqlSelectMode.AsValue)
        {
            Join(select.Items, WriteSelectItem);
            return;
        }

        Text("struct_pack(");
        for (var i = 0; i < select.Items.Count; i++)
        {
            var item = (SqlSelectExpression)select.Items[i];
            Text(i > 0 ? ", " : string.Empty);
            WriteName(item.Alias ?? (item.Expression is SqlColumnRef column ? column.Path[^1] : $"_field_{i + 1}"));
            Text(" := ");
            WriteExpression(item.Expression);
        }

        Text(')');
    }

    // DuckDB wants a condition on every JOIN but CROSS and comma joins.
    private protected override void WriteMissingJoinCondition(SqlJoin join)
    {
        if (join.Kind is not (SqlJoinKind.Comma or SqlJoinKind.Cross))
        {
            Text(" ON TRUE");
        }
    }

    // DuckDB has no projects: project.dataset.table becomes dataset.table.
    private protected override void WriteTablePath(SqlList<string> path) =>
        base.WriteTablePath(path.Count >= 3 ? SqlList.Of(new List<string> { path[^2], path[^1] }) : path);

    private protected override void WriteUnnest(SqlUnnestRef unnest)
    {
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
            Text(") AS ");
            WriteName(unnest.Alias!);
            Text('(');
            WriteName(unnest.Alias!);
            Text(')');
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
}
