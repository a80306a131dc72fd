namespace Autopilot.Core.Sql;

/// <summary>
/// BigQuery's lexical rules: backtick identifiers, <c>#</c>/<c>--</c>/non-nesting <c>/* */</c> comments kept as
/// trivia, quoted strings with r/b prefixes and escapes, numbers, <c>@name</c>/<c>?</c> parameters and operators. Only
/// whitespace separates tokens; any other character outside identifiers, strings and comments is an error.
/// </summary>
public sealed partial class SqlLexer
{
    private readonly string _sql;
    private readonly bool _lenient;
    private readonly List<SqlToken> _tokens;
    private readonly List<SqlComment> _comments = [];
    private readonly System.Text.StringBuilder _buffer = new();
    private int _pos;

    private SqlLexer(string sql, bool lenient)
    {
        _sql = sql;
        _lenient = lenient;
        _tokens = new List<SqlToken>(Math.Min(sql.Length / 3 + 4, 4096));
    }

    /// <summary>Lexes <paramref name="sql"/>, stopping at the first error.</summary>
    public static SqlLexResult Lex(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        return new SqlLexer(sql, lenient: false).Run();
    }

    /// <summary>
    /// Lexes text that need not be SQL (a comment's body) in one linear pass: quotes and comment markers are skipped
    /// like any character that cannot start a token, so the words inside strings, inner comments and after a stray
    /// apostrophe are all seen, and no unterminated quote makes the lexer rescan the rest of the text.
    /// </summary>
    internal static SqlLexResult LexLeniently(string text) => new SqlLexer(text, lenient: true).Run();

    private SqlLexResult Run()
    {
        SqlSyntaxError? error = null;
        while (true)
        {
            var failure = ReadToken();
            if (failure is null)
            {
                if (_pos >= _sql.Length)
                {
                    break;
                }

                continue;
            }

            if (!_lenient)
            {
                error = SqlSyntaxError.At(_sql, failure.Value.Position, failure.Value.Message);
                break;
            }

            // Past the failure, and never backwards: a run of digits ending in a letter is read once, not once per digit.
            _pos = Math.Max(failure.Value.Position + 1, _pos);
        }

        _tokens.Add(new SqlToken(SqlTokenKind.End, error?.Position ?? _sql.Length, 0, null, null));
        return new SqlLexResult([.. _tokens], _comments, error);
    }

    private readonly record struct Failure(int Position, string Message);

    private char Peek(int offset = 0) => _pos + offset < _sql.Length ? _sql[_pos + offset] : '\0';

    // Reads whitespace, comments and at most one token. Returns the failure, if any, without moving past it.
    private Failure? ReadToken()
    {
        while (_pos < _sql.Length && SqlCharacters.IsWhitespace(_sql[_pos]))
        {
            _pos++;
        }

        if (_pos >= _sql.Length)
        {
            return null;
        }

        var c = _sql[_pos];
        if (_lenient && (c is '#' or '\'' or '"' or '`' || (c == '-' && Peek(1) == '-') || (c == '/' && Peek(1) == '*') || (c == '*' && Peek(1) == '/')))
        {
            _pos += c is '-' or '/' or '*' ? 2 : 1;
            return null;
        }

        switch (c)
        {
            case '#':
                return ReadLineComment(SqlCommentStyle.Hash, 1);
            case '-' when Peek(1) == '-':
                return ReadLineComment(SqlCommentStyle.DoubleDash, 2);
            case '/' when Peek(1) == '*':
                return ReadBlockComment();
            case '\'' or '"':
                return ReadString(_pos, raw: false, bytes: false);
            case '`':
                return ReadQuotedIdentifier();
            case '@':
                return ReadParameter();
            case '?':
                Emit(SqlTokenKind.PositionalParameter, 1);
                return null;
            case '.' when SqlCharacters.IsDigit(Peek(1)) && !FollowsName():
                return ReadNumber();
        }

        if (SqlCharacters.IsDigit(c))
        {
            return ReadNumber();
        }

        if (SqlCharacters.IsIdentifierStart(c))
        {
            return ReadWord();
        }

        return ReadOperator(c);
    }

    // A '.' right after a name, ')' or ']' is member access, never the start of a number such as .5.
    private bool FollowsName()
    {
        if (_tokens.Count == 0)
        {
            return false;
        }

        var last = _tokens[^1];
        return last.Start + last.Length == _pos
            && last.Kind is SqlTokenKind.Identifier or SqlTokenKind.QuotedIdentifier or SqlTokenKind.RightParen or SqlTokenKind.RightBracket;
    }

    private void Emit(SqlTokenKind kind, int length, string? text = null, string? keyword = null)
    {
        _tokens.Add(new SqlToken(kind, _pos, length, text, keyword));
        _pos += length;
    }

    private void EmitFrom(int start, SqlTokenKind kind, string? text, string? keyword = null) =>
        _tokens.Add(new SqlToken(kind, start, _pos - start, text, keyword));

    private Failure? ReadWord()
    {
        var start = _pos;
        while (_pos < _sql.Length && SqlCharacters.IsIdentifierPart(_sql[_pos]))
        {
            _pos++;
        }

        var word = _sql.AsSpan(start, _pos - start);
        if (_pos < _sql.Length && _sql[_pos] is '\'' or '"' && IsStringPrefix(word, out var raw, out var bytes))
        {
            return ReadString(start, raw, bytes);
        }

        EmitFrom(start, SqlTokenKind.Identifier, word.ToString(), SqlKeywords.Lookup(word));
        return null;
    }

    private static bool IsStringPrefix(ReadOnlySpan<char> word, out bool raw, out bool bytes)
    {
        raw = false;
        bytes = false;
        if (word.Length is 0 or > 2)
        {
            return false;
        }

        foreach (var c in word)
        {
            switch (c)
            {
                case 'r' or 'R' when !raw:
                    raw = true;
                    break;
                case 'b' or 'B' when !bytes:
                    bytes = true;
                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    private Failure? ReadParameter()
    {
        var start = _pos;
        var system = Peek(1) == '@';
        _pos += system ? 2 : 1;
        if (_pos >= _sql.Length || !SqlCharacters.IsIdentifierStart(_sql[_pos]))
        {
            return new Failure(start, system ? "'@@' must be followed by a variable name" : "'@' must be followed by a parameter name");
        }

        var nameStart = _pos;
        while (_pos < _sql.Length && SqlCharacters.IsIdentifierPart(_sql[_pos]))
        {
            _pos++;
        }

        EmitFrom(start, system ? SqlTokenKind.SystemVariable : SqlTokenKind.NamedParameter, _sql[nameStart.._pos]);
        return null;
    }

    private Failure? ReadOperator(char c)
    {
        var next = Peek(1);
        switch (c)
        {
            case '(': Emit(SqlTokenKind.LeftParen, 1); return null;
            case ')': Emit(SqlTokenKind.RightParen, 1); return null;
            case '[': Emit(SqlTokenKind.LeftBracket, 1); return null;
            case ']': Emit(SqlTokenKind.RightBracket, 1); return null;
            case ',': Emit(SqlTokenKind.Comma, 1); return null;
            case '.': Emit(SqlTokenKind.Dot, 1); return null;
            case ';': Emit(SqlTokenKind.Semicolon, 1); return null;
            case '+': Emit(SqlTokenKind.Plus, 1); return null;
            case '-': Emit(SqlTokenKind.Minus, 1); return null;
            case '*': Emit(SqlTokenKind.Star, 1); return null;
            case '/': Emit(SqlTokenKind.Slash, 1); return null;
            case '~': Emit(SqlTokenKind.Tilde, 1); return null;
            case '^': Emit(SqlTokenKind.Caret, 1); return null;
            case '&': Emit(SqlTokenKind.Ampersand, 1); return null;
            case '|':
                Emit(next == '|' ? SqlTokenKind.Concat : SqlTokenKind.Pipe, next == '|' ? 2 : 1);
                return null;
            case '=':
                if (next == '=')
                {
                    return new Failure(_pos, "unknown operator '==' (BigQuery compares with '=')");
                }

                Emit(next == '>' ? SqlTokenKind.Arrow : SqlTokenKind.Equal, next == '>' ? 2 : 1);
                return null;
            case '!':
                if (next != '=')
                {
                    return new Failure(_pos, "unknown operator '!'");
                }

                Emit(SqlTokenKind.NotEqual, 2);
                return null;
            case '<':
                if (next == '=' && Peek(2) == '>')
                {
                    return new Failure(_pos, "unknown operator '<=>' (not BigQuery; use IS NOT DISTINCT FROM)");
                }

                _ = next switch
                {
                    '=' => Emit2(SqlTokenKind.LessOrEqual),
                    '>' => Emit2(SqlTokenKind.NotEqual),
                    '<' => Emit2(SqlTokenKind.ShiftLeft),
                    _ => Emit1(SqlTokenKind.Less),
                };
                return null;
            case '>':
                _ = next switch
                {
                    '=' => Emit2(SqlTokenKind.GreaterOrEqual),
                    '>' => Emit2(SqlTokenKind.ShiftRight),
                    _ => Emit1(SqlTokenKind.Greater),
                };
                return null;
            case ':':
                return new Failure(_pos, next == ':' ? "unknown operator '::' (not BigQuery; use CAST)" : "unexpected character ':'");
            case '%':
                return new Failure(_pos, "unknown operator '%' (not BigQuery; use MOD)");
            default:
                return new Failure(_pos, $"unexpected character {SqlCharacters.Describe(c)}");
        }
    }

    private bool Emit1(SqlTokenKind kind)
    {
        Emit(kind, 1);
        return true;
    }

    private bool Emit2(SqlTokenKind kind)
    {
        Emit(kind, 2);
        return true;
    }
}
