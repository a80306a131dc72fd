namespace Autopilot.Core.Sql;

/// <summary>Function calls with their aggregate modifiers, and window specifications.</summary>
public partial class SqlPrinter
{
    private protected virtual void WriteFunctionCall(SqlFunctionCall call) => WriteCall(null, call);

    // name(DISTINCT args IGNORE NULLS ORDER BY … LIMIT n) OVER (…); name null means the call's own.
    private protected void WriteCall(string? name, SqlFunctionCall call)
    {
        if (name is null)
        {
            WriteFunctionName(call.Name);
        }
        else
        {
            Text(name);
        }

        Text('(');
        if (call.Distinct)
        {
            Text("DISTINCT ");
        }

        Expressions(call.Arguments);
        if (call.Nulls != SqlNullHandling.Default)
        {
            Text(call.Nulls == SqlNullHandling.Ignore ? " IGNORE NULLS" : " RESPECT NULLS");
        }

        if (call.OrderBy.Count > 0)
        {
            Text(" ORDER BY ");
            Join(call.OrderBy, WriteOrderItem);
        }

        if (call.Limit is { } limit)
        {
            Text(" LIMIT ");
            WriteExpression(limit);
        }

        Text(')');
        WriteOver(call.Over);
    }

    private protected void WriteOver(SqlWindowSpec? over)
    {
        if (over is null)
        {
            return;
        }

        Text(" OVER ");
        if (over.IsReference)
        {
            WriteName(over.Name!);
        }
        else
        {
            WriteWindowSpecBody(over);
        }
    }

    private protected void WriteWindowSpecBody(SqlWindowSpec spec)
    {
        Text('(');
        var space = false;
        if (spec.Name is { } name)
        {
            WriteName(name);
            space = true;
        }

        if (spec.PartitionBy.Count > 0)
        {
            Text(space ? " PARTITION BY " : "PARTITION BY ");
            Expressions(spec.PartitionBy);
            space = true;
        }

        if (spec.OrderBy.Count > 0)
        {
            Text(space ? " ORDER BY " : "ORDER BY ");
            Join(spec.OrderBy, WriteOrderItem);
            space = true;
        }

        if (spec.Frame is { } frame)
        {
            if (space)
            {
                Text(' ');
            }

            Text(frame.Unit == SqlFrameUnit.Rows ? "ROWS " : "RANGE ");
            if (frame.End is { } end)
            {
                Text("BETWEEN ");
                WriteFrameBound(frame.Start);
                Text(" AND ");
                WriteFrameBound(end);
            }
            else
            {
                WriteFrameBound(frame.Start);
            }
        }

        Text(')');
    }

    private protected void WriteFrameBound(SqlFrameBound bound)
    {
        switch (bound.Kind)
        {
            case SqlFrameBoundKind.UnboundedPreceding:
                Text("UNBOUNDED PRECEDING");
                break;
            case SqlFrameBoundKind.UnboundedFollowing:
                Text("UNBOUNDED FOLLOWING");
                break;
            case SqlFrameBoundKind.CurrentRow:
                Text("CURRENT ROW");
                break;
            default:
                WriteOperand(bound.Offset!, SqlPrecedence.BitwiseOr);
                Text(bound.Kind == SqlFrameBoundKind.Preceding ? " PRECEDING" : " FOLLOWING");
                break;
        }
    }
}
