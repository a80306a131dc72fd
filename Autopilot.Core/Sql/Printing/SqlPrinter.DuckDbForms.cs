using System.Globalization;

namespace Autopilot.Core.Sql;

/// <summary>EXTRACT, subscripts and STRUCT constructors as DuckDB writes them.</summary>
public sealed partial class SqlPrinter
{
    private void WriteDuckDbExtract(SqlExtract extract)
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

    private void WriteDuckDbSubscript(SqlSubscript subscript)
    {
        if (subscript.Kind == SqlSubscriptKind.Index && subscript.Index is SqlStringLiteral key)
        {
            // json['key']: BigQuery's JSON subscript.
            Text("json_extract(");
            WriteExpression(subscript.Target);
            Text(", ");
            WriteDuckDbString("$.\"" + key.Value.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"");
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
    private void WriteDuckDbStruct(SqlStructConstructor structure, bool positional = false)
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
