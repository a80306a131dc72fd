using System.Collections.Frozen;
using System.Globalization;

namespace Autopilot.Core.Sql;

/// <summary>
/// BigQuery functions written as DuckDB SQL, for the demo warehouse: renamed (<see cref="DuckDbRenames"/>) or rewritten
/// here, in <c>SqlPrinter.DuckDbDates.cs</c>, <c>SqlPrinter.DuckDbMath.cs</c> and <c>SqlPrinter.DuckDbCollections.cs</c>;
/// the rest of <see cref="DuckDbFunctions"/> has the same name and meaning in DuckDB. Allow-listed functions outside
/// <see cref="DuckDbFunctions"/> are refused for the demo warehouse by the gate.
/// <para>
/// Not translated even where the function is carried: EXTRACT(WEEK(&lt;Tuesday…Saturday&gt;)), CAST … FORMAT,
/// INTERVAL … TO …, SELECT AS STRUCT with a star, JSON field access by dot on a JSON column (use JSON_VALUE or a
/// ['key'] subscript), an array path as a FROM item (<c>FROM t, t.arr</c>; use UNNEST(t.arr)).
/// Approximate: GREATEST/LEAST skip NULLs, REGEXP_EXTRACT returns NULL for an empty match, APPROX_TOP_COUNT does not
/// count NULL, the SAFE. prefix is dropped (errors surface instead of NULL), TIMESTAMP_TRUNC ignores a time-zone
/// argument, BIGNUMERIC is DECIMAL(38, 9), and integer literals are DuckDB INTEGERs, so literal-only arithmetic past
/// 2^31 overflows.
/// </para>
/// </summary>
public sealed partial class SqlPrinter
{
    private static readonly FrozenDictionary<string, string> DuckDbRenames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["COUNTIF"] = "count_if",
        ["LOGICAL_AND"] = "bool_and",
        ["LOGICAL_OR"] = "bool_or",
        ["APPROX_COUNT_DISTINCT"] = "approx_count_distinct",
        ["REGEXP_CONTAINS"] = "regexp_matches",
        ["JSON_EXTRACT_SCALAR"] = "json_extract_string",
        ["JSON_EXTRACT"] = "json_extract",
        ["JSON_QUERY"] = "json_extract",
        ["ARRAY_LENGTH"] = "len",
        ["ARRAY_REVERSE"] = "list_reverse",
        ["ARRAY_CONCAT"] = "list_concat",
        ["CHAR_LENGTH"] = "length",
        ["CHARACTER_LENGTH"] = "length",
        ["BYTE_LENGTH"] = "strlen",
        ["OCTET_LENGTH"] = "strlen",
        ["CEILING"] = "ceil",
        ["POWER"] = "pow",
        ["RAND"] = "random",
        ["IS_INF"] = "isinf",
        ["IS_NAN"] = "isnan",
        ["EDIT_DISTANCE"] = "levenshtein",
        ["PERCENTILE_CONT"] = "quantile_cont",
        ["PERCENTILE_DISC"] = "quantile_disc",
        ["STDDEV"] = "stddev_samp",
        ["VARIANCE"] = "var_samp",
        ["GENERATE_ARRAY"] = "generate_series",
        ["GENERATE_TIMESTAMP_ARRAY"] = "generate_series",
        ["SAFE_CONVERT_BYTES_TO_STRING"] = "decode",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Monday-based offset of each weekday: BigQuery's WEEK(<day>) weeks start that many days after an ISO (Monday) week.
    private static readonly FrozenDictionary<string, int> DaysAfterMonday = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["MONDAY"] = 0,
        ["TUESDAY"] = 1,
        ["WEDNESDAY"] = 2,
        ["THURSDAY"] = 3,
        ["FRIDAY"] = 4,
        ["SATURDAY"] = 5,
        ["SUNDAY"] = 6,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static string DuckDbName(SqlFunctionCall call)
    {
        var canonical = SqlFunctionNames.Canonical(call.Name);
        if (canonical is not null && DuckDbRenames.TryGetValue(canonical, out var renamed))
        {
            return renamed;
        }

        // A name that is no plain identifier (never admitted by the gate) is quoted rather than written raw.
        return canonical?.ToLowerInvariant() ?? string.Join('.', call.Name.Select(part => "\"" + part.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
    }

    private bool TryWriteDuckDbFunction(SqlFunctionCall call)
    {
        var name = SqlFunctionNames.Canonical(call.Name);
        var args = call.Arguments;
        var n = args.Count;
        switch (name)
        {
            case "SAFE_DIVIDE" when n == 2:
                Wrap(() => { Operand(args[0]); Text(" / NULLIF("); WriteExpression(args[1]); Text(", 0)"); });
                return true;
            case "IEEE_DIVIDE" when n == 2:
                Infix(args[0], " / ", args[1]);
                return true;
            case "DIV" when n == 2:
                Infix(args[0], " // ", args[1]);
                return true;
            case "MOD" when n == 2:
                Infix(args[0], " % ", args[1]);
                return true;
            case "SAFE_ADD" when n == 2:
                Infix(args[0], " + ", args[1]);
                return true;
            case "SAFE_SUBTRACT" when n == 2:
                Infix(args[0], " - ", args[1]);
                return true;
            case "SAFE_MULTIPLY" when n == 2:
                Infix(args[0], " * ", args[1]);
                return true;
            case "SAFE_NEGATE" when n == 1:
                Wrap(() => { Text('-'); Operand(args[0]); });
                return true;
            case "LOG" when n == 1:
                Call("ln", args[0]);
                return true;
            case "LOG" when n == 2:
                Wrap(() => { Call("ln", args[0]); Text(" / "); Call("ln", args[1]); });
                return true;
            case "CONCAT" when n >= 1:
                // DuckDB's concat() skips NULLs; BigQuery's CONCAT is NULL when any argument is, like ||.
                Wrap(() => Join(args, a => Operand(a), " || "));
                return true;
            case "NULLIFZERO" when n == 1:
                Call("nullif", args[0], new SqlNumberLiteral("0"));
                return true;
            case "ZEROIFNULL" when n == 1:
                Call("coalesce", args[0], new SqlNumberLiteral("0"));
                return true;
            case "LPAD" or "RPAD" when n == 2:
                Call(name.ToLowerInvariant(), args[0], args[1], new SqlStringLiteral(" "));
                return true;
            case "CONTAINS_SUBSTR" when n == 2:
                Text("contains(lower(CAST(");
                WriteExpression(args[0]);
                Text(" AS VARCHAR)), lower(");
                WriteExpression(args[1]);
                Text("))");
                return true;
            case "SPLIT" when n is 1 or 2:
                Call("string_split", args[0], n == 2 ? args[1] : new SqlStringLiteral(","));
                return true;
            case "ARRAY_FIRST" when n == 1:
                Operand(args[0]);
                Text("[1]");
                return true;
            case "ARRAY_LAST" when n == 1:
                Operand(args[0]);
                Text("[-1]");
                return true;
            case "REGEXP_EXTRACT" or "REGEXP_SUBSTR" when n == 2:
                Text("NULLIF(regexp_extract(");
                WriteExpression(args[0]);
                Text(", ");
                WriteExpression(args[1]);
                // BigQuery returns the first capture group when the pattern has one, else the whole match.
                Text(args[1] is SqlStringLiteral { Value: var pattern } && HasCaptureGroup(pattern) ? ", 1), '')" : ", 0), '')");
                return true;
            case "REGEXP_REPLACE" when n == 3:
                Call("regexp_replace", args[0], args[1], args[2], new SqlStringLiteral("g"));
                return true;
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
            case "TO_HEX" when n == 1:
                if (args[0] is SqlFunctionCall inner && SqlFunctionNames.Canonical(inner.Name) is "MD5" or "SHA256" or "SHA1" && inner.Arguments.Count == 1)
                {
                    // DuckDB's md5/sha256 already return hex text.
                    Call(SqlFunctionNames.Canonical(inner.Name)!.ToLowerInvariant(), inner.Arguments[0]);
                }
                else
                {
                    Text("lower(");
                    Call("hex", args[0]);
                    Text(')');
                }

                return true;
            case "MD5" or "SHA256" or "SHA1" when n == 1:
                Text("unhex(");
                Call(name.ToLowerInvariant(), args[0]);
                Text(')');
                return true;
            case "FARM_FINGERPRINT" when n == 1:
                Text("CAST(");
                Call("hash", args[0]);
                Text(" % 9223372036854775807 AS BIGINT)");
                return true;
            case "GENERATE_UUID" when n == 0:
                Text("CAST(uuid() AS VARCHAR)");
                return true;
        }

        return TryWriteDuckDbDateFunction(name, call) || TryWriteDuckDbMathFunction(name, call) || TryWriteDuckDbCollectionFunction(name, call);
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

    private static bool HasCaptureGroup(string pattern)
    {
        for (var i = 0; i < pattern.Length - 1; i++)
        {
            if (pattern[i] == '\\')
            {
                i++;
            }
            else if (pattern[i] == '(' && pattern[i + 1] != '?')
            {
                return true;
            }
        }

        return false;
    }

    private void Operand(SqlExpression expression) => WriteOperand(expression, SqlPrecedence.Primary);

    private void Wrap(Action write)
    {
        Text('(');
        write();
        Text(')');
    }

    private void Infix(SqlExpression left, string op, SqlExpression right) => Wrap(() =>
    {
        Operand(left);
        Text(op);
        Operand(right);
    });

    private void Call(string name, params SqlExpression[] arguments)
    {
        Text(name).Text('(');
        for (var i = 0; i < arguments.Length; i++)
        {
            if (i > 0)
            {
                Text(", ");
            }

            WriteExpression(arguments[i]);
        }

        Text(')');
    }

    private void CastTo(SqlExpression expression, string type, bool safe = false)
    {
        Text(safe ? "TRY_CAST(" : "CAST(");
        WriteExpression(expression);
        Text(" AS ").Text(type).Text(')');
    }
}
