namespace Autopilot.Core.Sql;

/// <summary>
/// One token. <see cref="Text"/> is the identifier as written (or decoded, when quoted), the decoded string or bytes
/// value, the number as written, or the parameter name. <see cref="Keyword"/> is the upper-case word when the token is
/// an unquoted, all-ASCII identifier the dialect knows as a keyword, otherwise null — so a lookalike such as a
/// Cyrillic 'Е' in <c>SЕLECT</c> never becomes a keyword.
/// </summary>
public readonly record struct SqlToken(SqlTokenKind Kind, int Start, int Length, string? Text, string? Keyword)
{
    /// <summary>True for an unquoted identifier whose keyword is <paramref name="keyword"/> (upper case).</summary>
    public bool Is(string keyword) => Keyword is not null && string.Equals(Keyword, keyword, StringComparison.Ordinal);

    /// <summary>True for an identifier (quoted or not) that is not a reserved keyword, i.e. usable as a name.</summary>
    public bool IsName => Kind == SqlTokenKind.QuotedIdentifier
        || (Kind == SqlTokenKind.Identifier && (Keyword is null || !SqlKeywords.IsReserved(Keyword)));
}
