using System.Globalization;

namespace Autopilot.Core.Sql;

/// <summary>Names, strings, bytes, numbers and typed literals.</summary>
public partial class SqlPrinter
{
    // Words the parser reads as something other than a name where a name could start an expression.
    private protected static readonly HashSet<string> SpecialLeadingWords = new(StringComparer.Ordinal)
    {
        "CURRENT_DATE", "CURRENT_DATETIME", "CURRENT_TIME", "CURRENT_TIMESTAMP",
    };

    /// <summary>A name: bare when it is a plain ASCII identifier and no keyword reads it otherwise, else in backticks.</summary>
    private protected void WriteName(string name) => WriteName(name, leading: false);

    private protected virtual void WriteName(string name, bool leading)
    {
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
    private protected void WriteFunctionName(SqlList<string> name)
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

    private protected static bool IsPlainIdentifier(string name)
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

    private protected virtual void WriteString(string value)
    {
        Text('\'');
        foreach (var c in value)
        {
            WriteEscaped(c, '\'');
        }

        Text('\'');
    }

    // Escapes what would end or break the literal; everything else, including non-ASCII text, is written as is.
    private protected void WriteEscaped(char c, char quote)
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

    private protected virtual void WriteBytes(string value)
    {
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

    private protected virtual void WriteNumber(SqlNumberLiteral number) => Text(number.Text);

    private protected virtual void WriteTypedLiteral(SqlTypedLiteral typed)
    {
        Text(typed.TypeName).Text(' ');
        WriteString(typed.Value);
    }

    private protected virtual void WriteInterval(SqlIntervalLiteral interval)
    {
        Text("INTERVAL ");
        WriteOperand(interval.Value, SqlPrecedence.Unary);
        Text(' ').Text(interval.Unit);
        if (interval.ToUnit is { } to)
        {
            Text(" TO ").Text(to);
        }
    }
}
