using System.Globalization;
using System.Text;

namespace Autopilot.Core.Sql;

/// <summary>
/// String and bytes literals ('…', "…", '''…''', """…""" with r/b prefixes) and backtick identifiers, with BigQuery's
/// escapes (none in raw strings).
/// </summary>
public sealed partial class SqlLexer
{
    private Failure? ReadString(int start, bool raw, bool bytes)
    {
        var quote = _sql[_pos];
        var triple = Peek(1) == quote && Peek(2) == quote;
        _pos += triple ? 3 : 1;
        _buffer.Clear();
        while (true)
        {
            if (_pos >= _sql.Length)
            {
                return new Failure(start, "unterminated string literal");
            }

            var c = _sql[_pos];
            if (c == quote && (!triple || (Peek(1) == quote && Peek(2) == quote)))
            {
                _pos += triple ? 3 : 1;
                break;
            }

            if (!triple && c is '\n' or '\r')
            {
                return new Failure(start, "unterminated string literal (only triple-quoted strings span lines)");
            }

            if (c == '\\')
            {
                if (raw)
                {
                    // A raw string keeps the backslash and the character after it, so \' does not end it.
                    if (_pos + 1 >= _sql.Length)
                    {
                        return new Failure(start, "unterminated string literal");
                    }

                    _buffer.Append(c);
                    _pos++;
                    AppendSourceChar(bytes);
                    continue;
                }

                var escape = ReadEscape(bytes);
                if (escape is not null)
                {
                    return escape;
                }

                continue;
            }

            AppendSourceChar(bytes);
        }

        EmitFrom(start, bytes ? SqlTokenKind.Bytes : SqlTokenKind.String, _buffer.ToString());
        return null;
    }

    private Failure? ReadQuotedIdentifier()
    {
        var start = _pos;
        _pos++;
        _buffer.Clear();
        while (true)
        {
            if (_pos >= _sql.Length || _sql[_pos] is '\n' or '\r')
            {
                return new Failure(start, "unterminated quoted identifier");
            }

            var c = _sql[_pos];
            if (c == '`')
            {
                _pos++;
                break;
            }

            if (c == '\\')
            {
                var escape = ReadEscape(bytes: false);
                if (escape is not null)
                {
                    return escape;
                }

                continue;
            }

            _buffer.Append(c);
            _pos++;
        }

        if (_buffer.Length == 0)
        {
            return new Failure(start, "empty quoted identifier");
        }

        EmitFrom(start, SqlTokenKind.QuotedIdentifier, _buffer.ToString());
        return null;
    }

    // At a backslash: appends the escaped character(s) to the buffer and moves past the escape.
    private Failure? ReadEscape(bool bytes)
    {
        var at = _pos;
        var e = Peek(1);
        switch (e)
        {
            case 'a': return AppendEscaped('\a', 2);
            case 'b': return AppendEscaped('\b', 2);
            case 'f': return AppendEscaped('\f', 2);
            case 'n': return AppendEscaped('\n', 2);
            case 'r': return AppendEscaped('\r', 2);
            case 't': return AppendEscaped('\t', 2);
            case 'v': return AppendEscaped('\v', 2);
            case '\\' or '?' or '"' or '\'' or '`': return AppendEscaped(e, 2);
            case 'x' or 'X':
                return ReadHexEscape(at, 2, 2) is { } x ? AppendEscaped((char)x, 4) : new Failure(at, "invalid \\x escape (needs 2 hex digits)");
            case >= '0' and <= '7':
                if (_pos + 3 < _sql.Length && IsOctal(_sql[_pos + 1]) && IsOctal(_sql[_pos + 2]) && IsOctal(_sql[_pos + 3]))
                {
                    var value = ((_sql[_pos + 1] - '0') * 64) + ((_sql[_pos + 2] - '0') * 8) + (_sql[_pos + 3] - '0');
                    if (value <= 0xFF)
                    {
                        return AppendEscaped((char)value, 4);
                    }
                }

                return new Failure(at, "invalid octal escape (needs 3 octal digits up to \\377)");
            case 'u' or 'U':
                if (bytes)
                {
                    return new Failure(at, "\\u escapes are not allowed in bytes literals");
                }

                var digits = e == 'u' ? 4 : 8;
                if (ReadHexEscape(at, 2, digits) is not { } code || code > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF)
                {
                    return new Failure(at, $"invalid \\{e} escape (needs {digits} hex digits naming a Unicode scalar value)");
                }

                _buffer.Append(char.ConvertFromUtf32(code));
                _pos += 2 + digits;
                return null;
            default:
                return new Failure(at, _pos + 1 < _sql.Length ? $"invalid escape '\\{e}'" : "unterminated escape");
        }
    }

    private Failure? AppendEscaped(char c, int length)
    {
        _buffer.Append(c);
        _pos += length;
        return null;
    }

    private int? ReadHexEscape(int at, int offset, int digits)
    {
        if (at + offset + digits > _sql.Length)
        {
            return null;
        }

        var span = _sql.AsSpan(at + offset, digits);
        foreach (var c in span)
        {
            if (!SqlCharacters.IsHexDigit(c))
            {
                return null;
            }
        }

        return int.Parse(span, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }

    private static bool IsOctal(char c) => c is >= '0' and <= '7';

    // Appends the source character at the position and moves past it. In a bytes literal a character above U+007F was
    // typed as text and stands for its UTF-8 bytes, one char (0–255) per byte, as escapes produce.
    private void AppendSourceChar(bool bytes)
    {
        var c = _sql[_pos];
        if (!bytes || c < '\u0080')
        {
            _buffer.Append(c);
            _pos++;
            return;
        }

        Rune scalar;
        if (char.IsHighSurrogate(c) && _pos + 1 < _sql.Length && char.IsLowSurrogate(_sql[_pos + 1]))
        {
            scalar = new Rune(c, _sql[_pos + 1]);
            _pos += 2;
        }
        else
        {
            scalar = Rune.IsValid(c) ? new Rune(c) : Rune.ReplacementChar;
            _pos++;
        }

        Span<byte> utf8 = stackalloc byte[4];
        var count = scalar.EncodeToUtf8(utf8);
        foreach (var b in utf8[..count])
        {
            _buffer.Append((char)b);
        }
    }
}
