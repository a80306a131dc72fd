namespace Autopilot.Core.Sql;

/// <summary>
/// Tokens (always ending with an <see cref="SqlTokenKind.End"/> token), comments, and the first lexing error if any;
/// on an error the tokens and comments are those read before it.
/// </summary>
public sealed class SqlLexResult
{
    internal SqlLexResult(SqlToken[] tokens, List<SqlComment> comments, SqlSyntaxError? error)
    {
        TokenArray = tokens;
        Comments = comments;
        Error = error;
    }

    public IReadOnlyList<SqlToken> Tokens => TokenArray;

    public IReadOnlyList<SqlComment> Comments { get; }

    public SqlSyntaxError? Error { get; }

    internal SqlToken[] TokenArray { get; }
}
