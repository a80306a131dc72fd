using System.Globalization;
using System.Text;
using Autopilot.Core.Sql;

namespace Autopilot.Core.Agent.Planning;

/// <summary>
/// The only ways planner text reaches SQL: names from the catalog (quoted when they must be), string literals (quoted
/// and escaped) and integers. Question text is never spliced in any other way.
/// </summary>
internal static class PlanSql
{
    /// <summary>A name: bare when it is a plain identifier no reserved keyword spells, else in backticks.</summary>
    public static string Name(string identifier)
    {
        ArgumentException.ThrowIfNullOrEmpty(identifier);
        if (IsPlain(identifier) && !(SqlKeywords.Lookup(identifier) is { } keyword && SqlKeywords.IsReserved(keyword)))
        {
            return identifier;
        }

        var quoted = new StringBuilder(identifier.Length + 2).Append('`');
        foreach (var c in identifier)
        {
            quoted.Append(c switch
            {
                '`' => "\\`",
                '\\' => "\\\\",
                _ => c.ToString(),
            });
        }

        return quoted.Append('`').ToString();
    }

    /// <summary>A BigQuery string literal holding <paramref name="value"/> exactly.</summary>
    public static string String(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var literal = new StringBuilder(value.Length + 2).Append('\'');
        foreach (var c in value)
        {
            switch (c)
            {
                case '\'':
                    literal.Append("\\'");
                    break;
                case '\\':
                    literal.Append("\\\\");
                    break;
                case '\n':
                    literal.Append("\\n");
                    break;
                case '\r':
                    literal.Append("\\r");
                    break;
                case '\t':
                    literal.Append("\\t");
                    break;
                default:
                    literal.Append(c);
                    break;
            }
        }

        return literal.Append('\'').ToString();
    }

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A name that can stand as an output alias: lower-case letters, digits and '_', starting with a letter.</summary>
    public static string Alias(string text)
    {
        var alias = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            alias.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? c : '_');
        }

        var result = alias.ToString().Trim('_');
        return result.Length == 0 || !char.IsAsciiLetter(result[0]) ? "v_" + result : result;
    }

    private static bool IsPlain(string identifier)
    {
        if (!(char.IsAsciiLetter(identifier[0]) || identifier[0] == '_'))
        {
            return false;
        }

        foreach (var c in identifier)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
