namespace Autopilot.Core.Sql;

/// <summary>The keyword-led forms: CASE, CAST, EXTRACT, date parts, STRUCT and ARRAY constructors, subscripts.</summary>
public sealed partial class SqlPrinter
{
    private void WriteCase(SqlCase @case)
    {
        Text("CASE");
        if (@case.Operand is { } operand)
        {
            Text(' ');
            WriteExpression(operand);
        }

        foreach (var when in @case.Whens)
        {
            Text(" WHEN ");
            WriteExpression(when.Condition);
            Text(" THEN ");
            WriteExpression(when.Result);
        }

        if (@case.Else is { } otherwise)
        {
            Text(" ELSE ");
            WriteExpression(otherwise);
        }

        Text(" END");
    }

    private void WriteCast(SqlCast cast)
    {
        Text(cast.Safe ? (DuckDb ? "TRY_CAST(" : "SAFE_CAST(") : "CAST(");
        WriteExpression(cast.Operand);
        Text(" AS ");
        WriteType(cast.Type);
        if (cast.Format is { } format)
        {
            // Not translated for DuckDB (no FORMAT clause there): left as is so it fails loudly rather than misleads.
            Text(" FORMAT ");
            WriteExpression(format);
        }

        Text(')');
    }

    private void WriteExtract(SqlExtract extract)
    {
        if (DuckDb)
        {
            WriteDuckDbExtract(extract);
            return;
        }

        Text("EXTRACT(");
        WriteDatePart(extract.Part);
        Text(" FROM ");
        WriteExpression(extract.Source);
        if (extract.TimeZone is { } zone)
        {
            Text(" AT TIME ZONE ");
            WriteExpression(zone);
        }

        Text(')');
    }

    private void WriteDatePart(SqlDatePart part)
    {
        Text(part.Name);
        if (part.WeekStart is { } day)
        {
            Text('(').Text(day).Text(')');
        }
    }

    private void WriteStruct(SqlStructConstructor structure)
    {
        if (DuckDb)
        {
            WriteDuckDbStruct(structure);
            return;
        }

        Text("STRUCT");
        if (structure.Type is { } type)
        {
            WriteStructTypeFields(type);
        }

        Text('(');
        Join(structure.Members, member =>
        {
            WriteExpression(member.Value);
            if (member.Alias is { } alias)
            {
                Text(" AS ");
                WriteName(alias);
            }
        });
        Text(')');
    }

    private void WriteArray(SqlArrayConstructor array)
    {
        if (array.ElementType is { } element)
        {
            if (DuckDb)
            {
                Text("CAST([");
                Join(array.Elements, e =>
                {
                    if (e is SqlStructConstructor { Type: null } tuple)
                    {
                        WriteDuckDbStruct(tuple, positional: true);
                    }
                    else
                    {
                        WriteExpression(e);
                    }
                });
                Text("] AS ");
                WriteType(new SqlArrayType(element));
                Text(')');
                return;
            }

            Text("ARRAY<");
            WriteType(element);
            Text('>');
        }

        Text('[');
        Expressions(array.Elements);
        Text(']');
    }

    private void WriteSubscript(SqlSubscript subscript)
    {
        if (DuckDb)
        {
            WriteDuckDbSubscript(subscript);
            return;
        }

        WriteOperand(subscript.Target, SqlPrecedence.Postfix);
        Text('[');
        var wrapper = subscript.Kind switch
        {
            SqlSubscriptKind.Offset => "OFFSET",
            SqlSubscriptKind.Ordinal => "ORDINAL",
            SqlSubscriptKind.SafeOffset => "SAFE_OFFSET",
            SqlSubscriptKind.SafeOrdinal => "SAFE_ORDINAL",
            _ => null,
        };
        if (wrapper is null)
        {
            WriteExpression(subscript.Index);
        }
        else
        {
            Text(wrapper).Text('(');
            WriteExpression(subscript.Index);
            Text(')');
        }

        Text(']');
    }
}
