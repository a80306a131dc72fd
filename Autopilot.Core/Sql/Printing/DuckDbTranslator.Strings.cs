namespace Autopilot.Core.Sql;

/// <summary>
/// Text, bytes and hashes: CONCAT (NULL-propagating), LPAD/RPAD, CONTAINS_SUBSTR, SPLIT, the REGEXP_ family (capture
/// groups as BigQuery takes them), FORMAT (printf), CODE_POINTS_TO_STRING, TO_HEX, MD5/SHA1/SHA256, GENERATE_UUID.
/// </summary>
internal sealed partial class DuckDbTranslator
{
    private bool TryWriteStringsFunction(string? name, SqlFunctionCall call)
    {
        var args = call.Arguments;
        var n = args.Count;
        switch (name)
        {
            case "CONCAT" when n >= 1:
                // DuckDB's concat() skips NULLs; BigQuery's CONCAT is NULL when any argument is, like ||.
                Wrap(() => Join(args, a => Operand(a), " || "));
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
            case "REGEXP_EXTRACT_ALL" when n == 2:
                // As REGEXP_EXTRACT: the first capture group when the pattern has one, else the whole match.
                Call("regexp_extract_all", args[0], args[1],
                    new SqlNumberLiteral(args[1] is SqlStringLiteral { Value: var allPattern } && HasCaptureGroup(allPattern) ? "1" : "0"));
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
}
