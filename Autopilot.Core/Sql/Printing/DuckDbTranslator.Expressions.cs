using System.Globalization;

namespace Autopilot.Core.Sql;

/// <summary>
/// Expressions DuckDB writes differently: operands (its precedence table differs, so every operator operand is
/// parenthesized), parameters, XOR, SAFE_CAST, field access, IN UNNEST, EXTRACT, subscripts, STRUCT and ARRAY.
/// </summary>
internal sealed partial class DuckDbTranslator
{
    private protected override bool NeedsParentheses(int precedence, int minPrecedence) => precedence < SqlPrecedence.Postfix;

    private protected override string ParameterPrefix => "$";

    private protected override string SafeCast => "TRY_CAST(";

    private protected override void WriteBinary(SqlBinary binary)
    {
        if (binary.Operator != SqlBinaryOperator.BitwiseXor)
        {
            base.WriteBinary(binary);
            return;
        }

        // DuckDB reads '^' as power.
        Text("xor(");
        WriteExpression(binary.Left);
        Text(", ");
        WriteExpression(binary.Right);
        Text(')');
    }

    private protected override void WriteFieldAccess(SqlFieldAccess field)
    {
        Text('(');
        WriteExpression(field.Target);
        Text(").");
        WriteName(field.Field);
    }

    private protected override void WriteInUnnestArray(SqlExpression array)
    {
        Text("(SELECT unnest(");
        WriteExpression(array);
        Text("))");
    }

    private protected override void WriteArray(SqlArrayConstructor array)
    {
        if (array.ElementType is not { } element)
        {
            base.WriteArray(array);
            return;
        }

        Text("CAST([");
        Join(array.Elements, e =>
        {
            if (e is SqlStructConstructor { Type: null } tuple)
            {
                WriteStruct(tuple, positional: true);
            }
            else
            {
                WriteExpression(e);
            }
        });
        Text("] AS ");
        WriteType(new SqlArrayType(element));
        Text(')');
    }

    private protected override void WriteExtract(SqlExtract extract)
    {
        void Source()
        {
            if (extract.TimeZone is { } zone)
            {
                WriteInZone(extract.Source, zone);
            }
            else
            {
                WriteExpression(extract.Source);
            }
        }

        switch (extract.Part.Name)
        {
            case "DAYOFWEEK":
                // BigQuery counts 1 = Sunday; DuckDB's dayofweek 0 = Sunday.
                Text("(dayofweek(");
                Source();
                Text(") + 1)");
                return;
            case "WEEK" when extract.Part.WeekStart is null or "SUNDAY" or "MONDAY":
                // Week number with weeks starting Sunday (%U) or Monday (%W); days before the first such day are week 0.
                Text("CAST(strftime(");
                Source();
                Text(extract.Part.WeekStart == "MONDAY" ? ", '%W') AS BIGINT)" : ", '%U') AS BIGINT)");
                return;
            case "ISOWEEK":
                Text("week(");
                Source();
                Text(')');
                return;
            case "MILLISECOND" or "MICROSECOND":
                // DuckDB counts these from the start of the minute; BigQuery within the second.
                Text('(').Text(extract.Part.Name.ToLowerInvariant()).Text('(');
                Source();
                Text(extract.Part.Name == "MILLISECOND" ? ") % 1000)" : ") % 1000000)");
                return;
            case "DATE" or "TIME" or "DATETIME":
                Text("CAST(");
                Source();
                Text(" AS ").Text(extract.Part.Name == "DATETIME" ? "TIMESTAMP" : extract.Part.Name).Text(')');
                return;
            default:
                Text("extract(").Text(extract.Part.Name.ToLowerInvariant()).Text(" FROM ");
                Source();
                Text(')');
                return;
        }
    }

    private protected override void WriteSubscript(SqlSubscript subscript)
    {
        if (subscript.Kind == SqlSubscriptKind.Index && subscript.Index is SqlStringLiteral key)
        {
            // json['key']: BigQuery's JSON subscript.
            Text("json_extract(");
            WriteExpression(subscript.Target);
            Text(", ");
            WriteString("$.\"" + key.Value.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"");
            Text(')');
            return;
        }

        Operand(subscript.Target);
        Text('[');
        var zeroBased = subscript.Kind is SqlSubscriptKind.Index or SqlSubscriptKind.Offset or SqlSubscriptKind.SafeOffset;
        if (!zeroBased)
        {
            WriteExpression(subscript.Index);
        }
        else if (subscript.Index is SqlNumberLiteral { IsInteger: true } number
            && long.TryParse(number.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            // DuckDB lists count from 1.
            Text((offset + 1).ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            Operand(subscript.Index);
            Text(" + 1");
        }

        Text(']');
    }

    // positional: the struct is cast to a STRUCT type by position (STRUCT<…>(…), or an element of ARRAY<STRUCT<…>>[…]),
    // so its fields stay unnamed; DuckDB casts a named struct by name and would find no field in common.
    private protected override void WriteStruct(SqlStructConstructor structure) => WriteStruct(structure, positional: false);

    private void WriteStruct(SqlStructConstructor structure, bool positional)
    {
        var names = positional || structure.Type is not null ? null : DuckDbStructFieldNames(structure.Members);
        if (structure.Type is not null)
        {
            Text("CAST(");
        }

        Text(names is null ? "row(" : "struct_pack(");
        for (var i = 0; i < structure.Members.Count; i++)
        {
            Text(i > 0 ? ", " : string.Empty);
            if (names is not null)
            {
                WriteName(names[i]);
                Text(" := ");
            }

            WriteExpression(structure.Members[i].Value);
        }

        Text(')');
        if (structure.Type is { } structType)
        {
            Text(" AS ");
            WriteType(structType);
            Text(')');
        }
    }

    /// <summary>
    /// The field names BigQuery gives a STRUCT(…) without a type: the alias, else the column or field a value reads
    /// (STRUCT(country, u.channel) has fields country and channel), else anonymous — written _field_N, the name
    /// BigQuery shows for it. Null when every field is anonymous (DuckDB's unnamed row() then fits).
    /// </summary>
    private static string[]? DuckDbStructFieldNames(SqlList<SqlStructMember> members)
    {
        var names = new string[members.Count];
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var anyNamed = false;
        for (var i = 0; i < members.Count; i++)
        {
            var name = members[i].Alias ?? members[i].Value switch
            {
                SqlColumnRef column => column.Path[^1],
                SqlFieldAccess field => field.Field,
                _ => null,
            };

            // BigQuery allows two fields of one name; DuckDB does not, so a repeated name reads as anonymous.
            if (name is not null && seen.Add(name))
            {
                anyNamed = true;
                names[i] = name;
            }
            else
            {
                names[i] = "_field_" + (i + 1).ToString(CultureInfo.InvariantCulture);
            }
        }

        return anyNamed ? names : null;
    }
}
