using System.Globalization;

namespace Autopilot.Core.Sql;

/// <summary>Names, strings, bytes, numbers and typed literals.</summary>
public sealed partial class SqlPrinter
{
    // Words the parser reads as something other than a name where a name could start an expression.
    private static readonly HashSet<string> SpecialLeadingWords = new(StringComparer.Ordinal)
    {
        "CURRENT_DATE", "CURRENT_DATETIME", "CURRENT_TIME", "CURRENT_TIMESTAMP",
    };

    /// <summary>
    /// A name: bare when it is a plain ASCII identifier and no keyword reads it otherwise, else quoted (backticks for
    /// BigQuery; DuckDB quotes every name, since its keywords are not BigQuery's).
    /// </summary>
    private void WriteName(string name) => WriteName(name, leading: false);

    private void WriteName(string name, bool leading)
    {
        if (DuckDb)
        {
            Text('"').Text(name.Replace("\"", "\"\"", StringComparison.Ordinal)).Text('"');
            return;
        }

        if (IsPlainIdentifier(name) && SqlKeywords.Lookup(name) is var keyword
            && (keyword is null || (!SqlKeywords.IsReserved(keyword) && !(leading && SpecialLeadingWords.Contains(keyword)))))
        {
            Text(name);
            return;
        }

        Text('`');
        foreach (var c in name)
        {
            WriteEscaped(c, '`');
        }

        Text('`');
    }

    // Function names keep their spelling (IF, LEFT and the like are keywords but also function names).
    private void WriteFunctionName(SqlList<string> name)
    {
        for (var i = 0; i < name.Count; i++)
        {
            if (i > 0)
            {
                Text('.');
            }

            if (IsPlainIdentifier(name[i]))
            {
                Text(name[i]);
            }
            else
            {
                WriteName(name[i]);
            }
        }
    }

    private static bool IsPlainIdentifier(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    private void WriteString(string value)
    {
        if (DuckDb)
        {
            WriteDuckDbString(value);
            return;
        }

        Text('\'');
        foreach (var c in value)
        {
            WriteEscaped(c, '\'');
        }

        Text('\'');
    }

    // Escapes what would end or break the literal; everything else, including non-ASCII text, is written as is.
    private void WriteEscaped(char c, char quote)
    {
        switch (c)
        {
            case '\\':
                Text("\\\\");
                break;
            case '\n':
                Text("\\n");
                break;
            case '\r':
                Text("\\r");
                break;
            case '\t':
                Text("\\t");
                break;
            default:
                if (c == quote)
                {
                    Text('\\').Text(c);
                }
                else if (c < ' ' || c == '\u007F')
                {
                    Text("\\x").Text(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                }
                else
                {
                    Text(c);
                }

                break;
        }
    }

    // DuckDB strings have no escapes: quotes double, and a NUL (which a DuckDB string cannot hold) becomes chr(0).
    private void WriteDuckDbString(string value)
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

    private void WriteBytes(string value)
    {
        if (DuckDb)
        {
            Text("CAST('");
            foreach (var c in value)
            {
                Text("\\x").Text(((int)c & 0xFF).ToString("X2", CultureInfo.InvariantCulture));
            }

            Text("' AS BLOB)");
            return;
        }

        Text("b'");
        foreach (var c in value)
        {
            if (c is >= ' ' and < '\u007F' && c != '\'' && c != '\\')
            {
                Text(c);
            }
            else
            {
                Text("\\x").Text(((int)c & 0xFF).ToString("x2", CultureInfo.InvariantCulture));
            }
        }

        Text('\'');
    }

    private void WriteNumber(SqlNumberLiteral number)
    {
        var text = number.Text;
        if (DuckDb && text.Length > 2 && text[0] == '0' && text[1] is 'x' or 'X')
        {
            // DuckDB reads 0x1F as 0 aliased "x1F".
            if (ulong.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
            {
                Text(value.ToString(CultureInfo.InvariantCulture));
                return;
            }
        }

        Text(text);
    }

    private void WriteTypedLiteral(SqlTypedLiteral typed)
    {
        if (DuckDb)
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

        Text(typed.TypeName).Text(' ');
        WriteString(typed.Value);
    }

    private void WriteInterval(SqlIntervalLiteral interval)
    {
        Text("INTERVAL ");
        if (DuckDb && interval.ToUnit is null)
        {
            // DuckDB takes any expression in parentheses: INTERVAL (n) DAY.
            Text('(');
            WriteExpression(interval.Value);
            Text(") ").Text(interval.Unit);
            return;
        }

        WriteOperand(interval.Value, SqlPrecedence.Unary);
        Text(' ').Text(interval.Unit);
        if (interval.ToUnit is { } to)
        {
            Text(" TO ").Text(to);
        }
    }
}
