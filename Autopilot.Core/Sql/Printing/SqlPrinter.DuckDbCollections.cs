using System.Globalization;

namespace Autopilot.Core.Sql;

/// <summary>
/// BigQuery array, JSON-array and text functions written for DuckDB where the names or the results differ:
/// JSON_VALUE_ARRAY, JSON_TYPE, APPROX_TOP_COUNT, ARRAY_CONCAT_AGG, ARRAY_SLICE, REGEXP_EXTRACT_ALL, FORMAT,
/// CODE_POINTS_TO_STRING.
/// </summary>
public sealed partial class SqlPrinter
{
    private bool TryWriteDuckDbCollectionFunction(string? name, SqlFunctionCall call)
    {
        var args = call.Arguments;
        var n = args.Count;
        switch (name)
        {
            case "JSON_VALUE_ARRAY" or "JSON_EXTRACT_STRING_ARRAY" when n is 1 or 2:
                // Each element's scalar text, as JSON_VALUE would read it; NULL when the path holds no array.
                Text("list_transform(CAST(");
                Call("json_extract", args[0], n == 2 ? args[1] : new SqlStringLiteral("$"));
                Text(" AS JSON[]), lambda \"_j\": json_extract_string(\"_j\", '$'))");
                return true;
            case "JSON_TYPE" when n == 1:
                // DuckDB names the SQL type it would read; BigQuery the JSON type. A SQL NULL stays NULL (no ELSE).
                Text("CASE ");
                Call("json_type", args[0]);
                Text(" WHEN 'OBJECT' THEN 'object' WHEN 'ARRAY' THEN 'array' WHEN 'VARCHAR' THEN 'string' WHEN 'BOOLEAN' THEN 'boolean'")
                    .Text(" WHEN 'NULL' THEN 'null' WHEN 'BIGINT' THEN 'number' WHEN 'UBIGINT' THEN 'number' WHEN 'HUGEINT' THEN 'number'")
                    .Text(" WHEN 'DOUBLE' THEN 'number' END");
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
            case "REGEXP_EXTRACT_ALL" when n == 2:
                // As REGEXP_EXTRACT: the first capture group when the pattern has one, else the whole match.
                Call("regexp_extract_all", args[0], args[1],
                    new SqlNumberLiteral(args[1] is SqlStringLiteral { Value: var pattern } && HasCaptureGroup(pattern) ? "1" : "0"));
                return true;
            case "FORMAT" when n >= 1:
                // BigQuery's FORMAT takes printf-style specifiers; DuckDB's format() takes {}.
                Text("printf(");
                Expressions(args);
                Text(')');
                return true;
            case "CODE_POINTS_TO_STRING" when n == 1:
                Text("array_to_string(list_transform(");
                WriteExpression(args[0]);
                Text(", lambda \"_c\": chr(\"_c\")), '')");
                return true;
            default:
                return false;
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
