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

    private void WriteDuckDbStruct(SqlStructConstructor structure)
    {
        var named = structure.Type is null && structure.Members.Count > 0 && structure.Members.All(m => m.Alias is not null);
        if (structure.Type is { } type)
        {
            Text("CAST(");
        }

        Text(named ? "struct_pack(" : "row(");
        Join(structure.Members, member =>
        {
            if (named)
            {
                WriteName(member.Alias!);
                Text(" := ");
            }

            WriteExpression(member.Value);
        });
        Text(')');
        if (structure.Type is { } structType)
        {
            Text(" AS ");
            WriteType(structType);
            Text(')');
        }
    }
}
