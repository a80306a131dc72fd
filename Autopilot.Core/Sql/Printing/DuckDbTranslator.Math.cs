namespace Autopilot.Core.Sql;

/// <summary>
/// Math: SAFE_* arithmetic (the SAFE is dropped: DuckDB errors where BigQuery gives NULL), DIV, MOD, LOG with a
/// base, NULLIFZERO/ZEROIFNULL, the reciprocal trigonometric functions, RANGE_BUCKET and the vector distances.
/// </summary>
internal sealed partial class DuckDbTranslator
{
    private bool TryWriteMathFunction(string? name, SqlFunctionCall call)
    {
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
            case "NULLIFZERO" when n == 1:
                Call("nullif", args[0], new SqlNumberLiteral("0"));
                return true;
            case "ZEROIFNULL" when n == 1:
                Call("coalesce", args[0], new SqlNumberLiteral("0"));
                return true;
            case "SEC" or "CSC" or "SECH" or "CSCH" or "COTH" when n == 1:
                var of = name switch { "SEC" => "cos", "CSC" => "sin", "SECH" => "cosh", "CSCH" => "sinh", _ => "tanh" };
                Text("(1 / ");
                Call(of, args[0]);
                Text(')');
                return true;
            case "RANGE_BUCKET" when n == 2:
                // The number of boundaries at or below the point: its bucket in a sorted array. NULL point, NULL bucket.
                Text("CASE WHEN ");
                Operand(args[0]);
                Text(" IS NULL THEN NULL ELSE len(list_filter(");
                WriteExpression(args[1]);
                Text(", lambda \"_b\": \"_b\" <= ");
                Operand(args[0]);
                Text(")) END");
                return true;
            case "COSINE_DISTANCE" when n == 2:
                Call("list_cosine_distance", args[0], args[1]);
                return true;
            case "EUCLIDEAN_DISTANCE" when n == 2:
                Call("list_distance", args[0], args[1]);
                return true;
            default:
                return false;
        }
    }
}
