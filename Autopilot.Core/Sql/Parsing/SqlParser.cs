using System.Runtime.CompilerServices;

namespace Autopilot.Core.Sql;

/// <summary>
/// Recursive-descent parser for one read-only BigQuery query (optionally ended by one <c>;</c>). Anything else —
/// another statement, DDL, DML, scripting, syntax it does not know — is a failure, never a partial tree.
/// </summary>
public sealed partial class SqlParser
{
    /// <summary>How deeply expressions, queries and joins may nest; keeps every recursive walk of the tree bounded.</summary>
    internal const int MaxDepth = 200;

    private readonly string _sql;
    private readonly SqlToken[] _tokens;
    private int _index;
    private int _depth;

    // Set when the first '>' of a '>>' token has closed a type's angle bracket (ARRAY<ARRAY<INT64>>).
    private bool _halfShift;

    // Speculative parses that failed, by token and kind: never retried, so nested "((" cannot make parsing exponential.
    private HashSet<(int Index, SqlAttempt Kind)>? _failedAttempts;

    // Token advances allowed in total (re-reads after backtracking included): a hard bound on parsing time.
    private readonly long _workBudget;
    private long _work;

    private SqlParser(string sql, SqlToken[] tokens)
    {
        _sql = sql;
        _tokens = tokens;
        _workBudget = (tokens.Length * 16L) + 4096;
    }

    /// <summary>The speculative parses, which only "((" (a query or an expression in parentheses) needs.</summary>
    private enum SqlAttempt
    {
        ScalarSubquery,
        InSubquery,
        FromSubquery,
        RefusedArguments,
        StructTuple,
    }

    /// <summary>Lexes and parses <paramref name="sql"/>; never throws for any input.</summary>
    public static SqlParseResult Parse(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        return Parse(sql, SqlLexer.Lex(sql));
    }

    /// <summary>Parses already lexed text.</summary>
    public static SqlParseResult Parse(string sql, SqlLexResult lexed)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(lexed);
        if (lexed.Error is { } lexError)
        {
            return new SqlParseResult(null, new SqlParseFailure(SqlParseFailureKind.Syntax, lexError, lexed.TokenArray.Length - 1), lexed);
        }

        var parser = new SqlParser(sql, lexed.TokenArray);
        try
        {
            return new SqlParseResult(parser.ParseStatement(), null, lexed);
        }
        catch (SqlParseException e)
        {
            return new SqlParseResult(null, parser.FailureOf(e), lexed);
        }
        catch (InsufficientExecutionStackException)
        {
            return new SqlParseResult(null, parser.FailureOf(new SqlParseException(SqlParseFailureKind.TooDeep, parser._index, "the query is nested too deeply")), lexed);
        }
    }

    private SqlParseFailure FailureOf(SqlParseException e)
    {
        var index = Math.Clamp(e.TokenIndex, 0, _tokens.Length - 1);
        return new SqlParseFailure(e.Kind, SqlSyntaxError.At(_sql, _tokens[index].Start, e.Message), index);
    }

    private SqlQuery ParseStatement()
    {
        var query = ParseQuery();
        if (Accept(SqlTokenKind.Semicolon) && Current.Kind != SqlTokenKind.End)
        {
            throw new SqlParseException(SqlParseFailureKind.MultiStatement, _index, "a second statement follows ';'");
        }

        if (Current.Kind != SqlTokenKind.End)
        {
            throw Fail($"unexpected {Describe(Current)} after the end of the query");
        }

        return query;
    }

    private ref readonly SqlToken Current => ref _tokens[_index];

    private ref readonly SqlToken PeekToken(int offset) => ref _tokens[Math.Min(_index + offset, _tokens.Length - 1)];

    private void Advance()
    {
        if (++_work > _workBudget)
        {
            throw new SqlParseException(SqlParseFailureKind.TooDeep, _index, "the query is too complex to check");
        }

        if (_index < _tokens.Length - 1)
        {
            _index++;
        }
    }

    private bool At(SqlTokenKind kind) => !_halfShift && Current.Kind == kind;

    private bool AtKeyword(string keyword) => !_halfShift && Current.Is(keyword);

    private bool Accept(SqlTokenKind kind)
    {
        if (!At(kind))
        {
            return false;
        }

        Advance();
        return true;
    }

    private bool AcceptKeyword(string keyword)
    {
        if (!AtKeyword(keyword))
        {
            return false;
        }

        Advance();
        return true;
    }

    private void Expect(SqlTokenKind kind, string what)
    {
        if (!Accept(kind))
        {
            throw Fail($"expected {what} but found {Describe(Current)}");
        }
    }

    private void ExpectKeyword(string keyword)
    {
        if (!AcceptKeyword(keyword))
        {
            throw Fail($"expected {keyword} but found {Describe(Current)}");
        }
    }

    // Closes an angle bracket, taking half of a '>>' token when two brackets close at once.
    private void ExpectCloseAngle()
    {
        if (_halfShift)
        {
            _halfShift = false;
            Advance();
            return;
        }

        if (Current.Kind == SqlTokenKind.Greater)
        {
            Advance();
        }
        else if (Current.Kind == SqlTokenKind.ShiftRight)
        {
            _halfShift = true;
        }
        else
        {
            throw Fail($"expected '>' but found {Describe(Current)}");
        }
    }

    /// <summary>A name: an identifier that is not a reserved keyword, or a quoted identifier.</summary>
    private string ExpectName(string what)
    {
        if (_halfShift || !Current.IsName)
        {
            throw Fail($"expected {what} but found {Describe(Current)}");
        }

        var name = Current.Text!;
        Advance();
        return name;
    }

    private SqlParseException Fail(string message) => new(SqlParseFailureKind.Syntax, _index, message);

    private string Describe(in SqlToken token)
    {
        if (token.Kind == SqlTokenKind.End)
        {
            return "end of input";
        }

        var text = _sql.AsSpan(token.Start, Math.Min(token.Length, 40));
        return token.Kind switch
        {
            SqlTokenKind.Identifier when token.Keyword is not null && SqlKeywords.IsReserved(token.Keyword) => $"keyword {token.Keyword}",
            SqlTokenKind.String or SqlTokenKind.Bytes => $"string {text}",
            _ => $"'{text}'",
        };
    }

    private void Enter()
    {
        if (++_depth > MaxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new SqlParseException(SqlParseFailureKind.TooDeep, _index, $"the query nests more than {MaxDepth} levels deep");
        }
    }

    private void Exit() => _depth--;

    // Left-associative chains (a + b + c …, joins, set operations) deepen the tree without recursion: count each link.
    private void Deepen(ref int links)
    {
        links++;
        Enter();
    }

    private void Undeepen(int links) => _depth -= links;

    /// <summary>
    /// Runs <paramref name="parse"/>; on a syntax failure rewinds to where it started and returns false. The outcome
    /// depends only on where it starts, so a failure is remembered and not tried again.
    /// </summary>
    private bool TryParse<T>(SqlAttempt attempt, Func<T> parse, out T? result)
    {
        result = default;
        var key = (_index, attempt);
        if (_failedAttempts?.Contains(key) == true)
        {
            return false;
        }

        var (index, depth, halfShift) = (_index, _depth, _halfShift);
        try
        {
            result = parse();
            return true;
        }
        catch (SqlParseException e) when (e.Kind == SqlParseFailureKind.Syntax)
        {
            (_index, _depth, _halfShift) = (index, depth, halfShift);
            (_failedAttempts ??= []).Add(key);
            return false;
        }
    }

    private static bool StartsQuery(in SqlToken token) => token.Is("SELECT") || token.Is("WITH");

    private static SqlList<T> ListOf<T>(List<T>? items) => SqlList.Of(items);
}
