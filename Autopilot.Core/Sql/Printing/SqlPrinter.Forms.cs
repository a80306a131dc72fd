namespace Autopilot.Core.Sql;

/// <summary>The keyword-led forms: CASE, CAST, EXTRACT, date parts, STRUCT and ARRAY constructors, subscripts.</summary>
public partial class SqlPrinter
{
    private protected void WriteCase(SqlCase @case)
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

    private protected void WriteCast(SqlCast cast)
    {
        Text(cast.Safe ? SafeCast : "CAST(");
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

    private protected virtual string SafeCast => "SAFE_CAST(";

    private protected virtual void WriteExtract(SqlExtract extract)
    {
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

    private protected void WriteDatePart(SqlDatePart part)
    {
        Text(part.Name);
        if (part.WeekStart is { } day)
        {
            Text('(').Text(day).Text(')');
        }
    }

    private protected virtual void WriteStruct(SqlStructConstructor structure)
    {
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

    private protected virtual void WriteArray(SqlArrayConstructor array)
    {
        if (array.ElementType is { } element)
        {
            Text("ARRAY<");
            WriteType(element);
            Text('>');
        }

        Text('[');
        Expressions(array.Elements);
        Text(']');
    }

    private protected virtual void WriteSubscript(SqlSubscript subscript)
    {
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
