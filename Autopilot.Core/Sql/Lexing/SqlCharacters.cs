using System.Globalization;

namespace Autopilot.Core.Sql;

/// <summary>Character classes of the lexer.</summary>
internal static class SqlCharacters
{
    /// <summary>ASCII whitespace and Unicode space separators (U+00A0, U+2000–U+200A, U+3000, …) and line separators.</summary>
    public static bool IsWhitespace(char c) => c switch
    {
        ' ' or '\t' or '\n' or '\r' or '\f' or '\v' => true,
        < '\u0080' => false,
        '\u0085' or '\u2028' or '\u2029' => true,
        _ => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.SpaceSeparator,
    };

    /// <summary>A letter or '_'. Non-ASCII letters are allowed but never fold into keywords.</summary>
    public static bool IsIdentifierStart(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_' || (c >= '\u0080' && char.IsLetter(c));

    /// <summary>
    /// Letters, digits, '_', combining marks and invisible format characters (zero-width joiners, U+FEFF): an identifier
    /// containing those is just an odd identifier, never a keyword.
    /// </summary>
    public static bool IsIdentifierPart(char c)
    {
        if (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_')
        {
            return true;
        }

        if (c < '\u0080')
        {
            return false;
        }

        return CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.ConnectorPunctuation or UnicodeCategory.Format;
    }

    public static bool IsDigit(char c) => c is >= '0' and <= '9';

    public static bool IsHexDigit(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F');

    /// <summary>How a character is shown in an error: itself when printable ASCII, else its code point too.</summary>
    public static string Describe(char c) =>
        c is >= ' ' and <= '~' ? $"'{c}'" : $"U+{(int)c:X4}";
}
