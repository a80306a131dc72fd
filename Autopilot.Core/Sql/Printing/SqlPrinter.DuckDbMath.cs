namespace Autopilot.Core.Sql;

/// <summary>
/// BigQuery math functions DuckDB lacks, written from those it has: the reciprocal trigonometric functions,
/// RANGE_BUCKET and the vector distances.
/// </summary>
public sealed partial class SqlPrinter
{
    private bool TryWriteDuckDbMathFunction(string? name, SqlFunctionCall call)
    {
        var args = call.Arguments;
        var n = args.Count;
        switch (name)
        {
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
