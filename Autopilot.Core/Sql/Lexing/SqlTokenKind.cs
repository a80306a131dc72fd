namespace Autopilot.Core.Sql;

/// <summary>Kinds of token the lexer produces; comments are not tokens (see <see cref="SqlComment"/>).</summary>
public enum SqlTokenKind
{
    End,
    Identifier,
    QuotedIdentifier,
#pragma warning disable CA1720 // SQL's own name for the literal kind.
    String,
#pragma warning restore CA1720
    Bytes,
    Number,
    NamedParameter,
    PositionalParameter,
    SystemVariable,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    Comma,
    Dot,
    Semicolon,
    Plus,
    Minus,
    Star,
    Slash,
    Concat,
    Pipe,
    Ampersand,
    Caret,
    Tilde,
    ShiftLeft,
    ShiftRight,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Arrow,
}
