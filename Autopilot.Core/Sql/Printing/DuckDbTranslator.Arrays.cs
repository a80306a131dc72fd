using System.Globalization;

namespace Autopilot.Core.Sql;

/// <summary>
/// Arrays and the aggregates that build them: ARRAY_FIRST/LAST, ARRAY_SLICE (offsets from 0), ARRAY_AGG (IGNORE NULLS,
/// LIMIT), ARRAY_CONCAT_AGG, STRING_AGG with LIMIT, APPROX_QUANTILES, APPROX_TOP_COUNT.
/// </summary>
internal sealed partial class DuckDbTranslator
{
    private bool TryWriteArraysFunction(string? name, SqlFunctionCall call)
    {
        var args = call.Arguments;
        var n = args.Count;
        switch (name)
        {
            case "ARRAY_FIRST" when n == 1:
                Operand(args[0]);
                Text("[1]");
                return true;
            case "ARRAY_LAST" when n == 1:
                Operand(args[0]);
                Text("[-1]");
                return true;
            case "ARRAY_AGG":
                WriteDuckDbArrayAgg(call);
                return true;
            case "STRING_AGG" when call.Limit is not null && n is 1 or 2:
                Text("array_to_string(");
                WriteDuckDbArrayAgg(call with { Arguments = [args[0]], Name = ["ARRAY_AGG"] });
                Text(", ");
                WriteExpression(n == 2 ? args[1] : new SqlStringLiteral(","));
                Text(')');
                return true;
            case "APPROX_QUANTILES" when n == 2 && args[1] is SqlNumberLiteral { IsInteger: true } count
                && int.TryParse(count.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var buckets) && buckets is > 0 and <= 1000:
                Text("quantile_disc(");
                WriteExpression(args[0]);
                Text(", [");
                for (var i = 0; i <= buckets; i++)
                {
                    Text(i > 0 ? ", " : string.Empty).Text(((double)i / buckets).ToString("R", CultureInfo.InvariantCulture));
                }

                Text("])");
                WriteOver(call.Over);
                return true;
            case "APPROX_TOP_COUNT" when n == 2 && call.Over is null:
                // ARRAY<STRUCT<value, count>>, most frequent first: exact here (a histogram of the group), ties broken by
                // value; NULL is not counted as a value.
                Text("list_transform(list_slice(list_sort(list_transform(map_entries(");
                Call("histogram", args[0]);
                Text("), lambda \"_e\": {'n': -CAST(\"_e\".\"value\" AS BIGINT), 'value': \"_e\".\"key\"})), 1, ");
                WriteExpression(args[1]);
                Text("), lambda \"_e\": {'value': \"_e\".\"value\", 'count': -\"_e\".\"n\"})");
                return true;
            case "ARRAY_CONCAT_AGG" when n == 1:
                Text("flatten(");
                WriteDuckDbArrayAgg(call);
                Text(')');
                return true;
            case "ARRAY_SLICE" when n == 3:
                // BigQuery's offsets count from 0 (negative: from the end, -1 the last); DuckDB's from 1 (negative alike).
                Text("list_slice(");
                WriteExpression(args[0]);
                Text(", ");
                WriteSliceBound(args[1]);
                Text(", ");
                WriteSliceBound(args[2]);
                Text(')');
                return true;
            default:
                return false;
        }
    }

    private void WriteDuckDbArrayAgg(SqlFunctionCall call)
    {
        var limit = call.Limit;
        if (limit is not null)
        {
            Text('(');
        }

        WriteCall("array_agg", call with { Nulls = SqlNullHandling.Default, Limit = null, Over = null });
        if (call.Nulls == SqlNullHandling.Ignore && call.Arguments.Count == 1)
        {
            Text(" FILTER (WHERE ");
            Operand(call.Arguments[0]);
            Text(" IS NOT NULL)");
        }

        WriteOver(call.Over);
        if (limit is not null)
        {
            Text(")[1:");
            WriteExpression(limit);
            Text(']');
        }
    }

    private void WriteSliceBound(SqlExpression offset)
    {
        if (offset is SqlNumberLiteral { IsInteger: true } number
            && long.TryParse(number.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            Text((value + 1).ToString(CultureInfo.InvariantCulture));
            return;
        }

        Text("CASE WHEN ");
        Operand(offset);
        Text(" >= 0 THEN ");
        Operand(offset);
        Text(" + 1 ELSE ");
        Operand(offset);
        Text(" END");
    }
}
