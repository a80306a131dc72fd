namespace Autopilot.Core.Sql;

/// <summary>Unwinds the recursive-descent parser to <see cref="SqlParser.Parse(string)"/>; never escapes it.</summary>
internal sealed class SqlParseException : Exception
{
    public SqlParseException()
    {
    }

    public SqlParseException(string message)
        : base(message)
    {
    }

    public SqlParseException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public SqlParseException(SqlParseFailureKind kind, int tokenIndex, string message)
        : base(message)
    {
        Kind = kind;
        TokenIndex = tokenIndex;
    }

    public SqlParseFailureKind Kind { get; }

    public int TokenIndex { get; }
}
