using System.Globalization;

namespace Autopilot.Core.Sql;

/// <summary>Names, literals and types as DuckDB writes them.</summary>
internal sealed partial class DuckDbTranslator
{
    // DuckDB quotes every name, since its keywords are not BigQuery's.
    private protected override void WriteName(string name, bool leading) =>
        Text('"').Text(name.Replace("\"", "\"\"", StringComparison.Ordinal)).Text('"');

    // DuckDB strings have no escapes: quotes double, and a NUL (which a DuckDB string cannot hold) becomes chr(0).
    private protected override void WriteString(string value)
    {
        var parts = value.Split('\0');
        if (parts.Length > 1)
        {
            Text('(');
        }

        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                Text(" || chr(0) || ");
            }

            Text('\'').Text(parts[i].Replace("'", "''", StringComparison.Ordinal)).Text('\'');
        }

        if (parts.Length > 1)
        {
            Text(')');
        }
    }

    private protected override void WriteBytes(string value)
    {
        Text("CAST('");
        foreach (var c in value)
        {
            Text("\\x").Text(((int)c & 0xFF).ToString("X2", CultureInfo.InvariantCulture));
        }

        Text("' AS BLOB)");
    }

    private protected override void WriteNumber(SqlNumberLiteral number)
    {
        var text = number.Text;

        // DuckDB reads 0x1F as 0 aliased "x1F".
        if (text.Length > 2 && text[0] == '0' && text[1] is 'x' or 'X'
            && ulong.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            Text(value.ToString(CultureInfo.InvariantCulture));
            return;
        }

        Text(text);
    }

    private protected override void WriteTypedLiteral(SqlTypedLiteral typed)
    {
        switch (typed.TypeName)
        {
            case "DATE" or "TIME" or "TIMESTAMP":
                Text(typed.TypeName).Text(' ');
                WriteString(typed.Value);
                return;
            case "DATETIME":
                Text("TIMESTAMP ");
                WriteString(typed.Value);
                return;
            default:
                Text("CAST(");
                WriteString(typed.Value);
                Text(" AS ");
                WriteType(new SqlNamedType(typed.TypeName, []));
                Text(')');
                return;
        }
    }

    private protected override void WriteInterval(SqlIntervalLiteral interval)
    {
        if (interval.ToUnit is not null)
        {
            base.WriteInterval(interval);
            return;
        }

        // DuckDB takes any expression in parentheses: INTERVAL (n) DAY.
        Text("INTERVAL (");
        WriteExpression(interval.Value);
        Text(") ").Text(interval.Unit);
    }

    private protected override void WriteType(SqlType type)
    {
        switch (type)
        {
            case SqlNamedType named:
                WriteDuckDbNamedType(named);
                break;
            case SqlArrayType array:
                WriteType(array.Element);
                Text("[]");
                break;
            case SqlStructType structure:
                // DuckDB struct fields must be named; BigQuery's anonymous ones get positional names.
                Text("STRUCT(");
                for (var i = 0; i < structure.Fields.Count; i++)
                {
                    Text(i > 0 ? ", " : string.Empty);
                    WriteName(structure.Fields[i].Name ?? $"_field_{i + 1}");
                    Text(' ');
                    WriteType(structure.Fields[i].Type);
                }

                Text(')');
                break;
            default:
                base.WriteType(type);
                break;
        }
    }

    private void WriteDuckDbNamedType(SqlNamedType named)
    {
        switch (named.Name)
        {
            case "INT64" or "INT" or "SMALLINT" or "INTEGER" or "BIGINT" or "TINYINT" or "BYTEINT":
                Text("BIGINT");
                break;
            case "FLOAT64":
                Text("DOUBLE");
                break;
            case "NUMERIC" or "DECIMAL" or "BIGNUMERIC" or "BIGDECIMAL":
                // DuckDB's DECIMAL stops at 38 digits; BIGNUMERIC's 76 do not fit (a documented gap).
                if (named.Parameters.Count > 0)
                {
                    Text("DECIMAL(");
                    Join(named.Parameters, p => Text(p));
                    Text(')');
                }
                else
                {
                    Text("DECIMAL(38, 9)");
                }

                break;
            case "STRING":
                Text("VARCHAR");
                break;
            case "BYTES":
                Text("BLOB");
                break;
            case "BOOL" or "BOOLEAN":
                Text("BOOLEAN");
                break;
            case "DATETIME" or "TIMESTAMP":
                // The demo warehouse keeps BigQuery TIMESTAMPs as UTC wall-clock TIMESTAMPs.
                Text("TIMESTAMP");
                break;
            default:
                Text(named.Name);
                break;
        }
    }
}
