using System.Collections.Frozen;

namespace Autopilot.Core.Sql;

/// <summary>
/// Prints a BigQuery syntax tree as DuckDB SQL, for the embedded demo warehouse: the canonical <see cref="SqlPrinter"/>
/// with the members DuckDB writes differently overridden. Function calls are renamed (<see cref="DuckDbRenames"/>) or
/// rewritten per family — DuckDbTranslator.Dates.cs, .Math.cs, .Strings.cs, .Json.cs, .Arrays.cs — and the rest of
/// <see cref="DuckDbFunctions"/> has the same name and meaning in DuckDB. To carry one more BigQuery function: add its
/// case to its family's file, its name to <see cref="DuckDbFunctions"/>, and its case (SQL and BigQuery's value) to the
/// tests' DuckDbFunctionCases.
/// <para>
/// Not translated even where the function is carried: EXTRACT(WEEK(&lt;Tuesday…Saturday&gt;)), CAST … FORMAT,
/// INTERVAL … TO …, SELECT AS STRUCT with a star, JSON field access by dot on a JSON column (use JSON_VALUE or a
/// ['key'] subscript), an array path as a FROM item (<c>FROM t, t.arr</c>; use UNNEST(t.arr)), unqualified fields of
/// an aliased UNNEST of STRUCTs. Approximate: GREATEST/LEAST skip NULLs, REGEXP_EXTRACT returns NULL for an empty
/// match, APPROX_TOP_COUNT does not count NULL, the SAFE. prefix is dropped (errors surface instead of NULL),
/// TIMESTAMP_TRUNC ignores a time-zone argument, BIGNUMERIC is DECIMAL(38, 9), and integer literals are DuckDB
/// INTEGERs, so literal-only arithmetic past 2^31 overflows.
/// </para>
/// </summary>
internal sealed partial class DuckDbTranslator : SqlPrinter
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

    public DuckDbTranslator(int capacity)
        : base(capacity)
    {
    }

    private protected override void WriteFunctionCall(SqlFunctionCall call)
    {
        var name = SqlFunctionNames.Canonical(call.Name);
        if (!(TryWriteDateFunction(name, call) || TryWriteMathFunction(name, call) || TryWriteStringsFunction(name, call)
            || TryWriteJsonFunction(name, call) || TryWriteArraysFunction(name, call)))
        {
            WriteCall(DuckDbName(call), call);
        }
    }

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
