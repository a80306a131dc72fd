namespace Autopilot.Core.Sql;

/// <summary>
/// JSON: JSON_VALUE, JSON_EXTRACT_ARRAY/JSON_QUERY_ARRAY, JSON_VALUE_ARRAY, JSON_TYPE (BigQuery's type names),
/// TO_JSON_STRING, PARSE_JSON and the JSON conversions INT64/FLOAT64/BOOL/STRING and their LAX_ forms.
/// </summary>
internal sealed partial class DuckDbTranslator
{
    private bool TryWriteJsonFunction(string? name, SqlFunctionCall call)
    {
        var args = call.Arguments;
        var n = args.Count;
        switch (name)
        {
            case "JSON_VALUE" when n is 1 or 2:
                Call("json_extract_string", args[0], n == 2 ? args[1] : new SqlStringLiteral("$"));
                return true;
            case "JSON_EXTRACT_ARRAY" or "JSON_QUERY_ARRAY" when n is 1 or 2:
                Text("CAST(");
                Call("json_extract", args[0], n == 2 ? args[1] : new SqlStringLiteral("$"));
                Text(" AS JSON[])");
                return true;
            case "TO_JSON_STRING" when n == 1:
                Text("CAST(");
                Call("to_json", args[0]);
                Text(" AS VARCHAR)");
                return true;
            case "PARSE_JSON" when n == 1:
                CastTo(args[0], "JSON");
                return true;
            case "INT64" or "LAX_INT64" when n == 1:
                CastTo(args[0], "BIGINT", safe: name == "LAX_INT64");
                return true;
            case "FLOAT64" or "LAX_FLOAT64" when n == 1:
                CastTo(args[0], "DOUBLE", safe: name == "LAX_FLOAT64");
                return true;
            case "BOOL" or "LAX_BOOL" when n == 1:
                CastTo(args[0], "BOOLEAN", safe: name == "LAX_BOOL");
                return true;
            case "STRING" or "LAX_STRING" when n == 1:
                Call("json_extract_string", args[0], new SqlStringLiteral("$"));
                return true;
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
            default:
                return false;
        }
    }
}
