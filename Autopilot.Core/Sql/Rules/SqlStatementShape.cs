using System.Collections.Frozen;

namespace Autopilot.Core.Sql;

/// <summary>
/// Checks on the token stream before parsing: one statement, and one that starts as a query. Refusals name what was
/// found ("DROP TABLE", "EXPORT DATA", "CREATE TEMP FUNCTION", …).
/// </summary>
internal static class SqlStatementShape
{
    // Words that, after a statement's first word, say what it acts on (CREATE OR REPLACE TEMP FUNCTION, DROP TABLE).
    private static readonly FrozenSet<string> ObjectWords = FrozenSet.ToFrozenSet(
    [
        "OR", "REPLACE", "TEMP", "TEMPORARY", "EXTERNAL", "MATERIALIZED", "SNAPSHOT", "SEARCH", "VECTOR", "ROW", "ACCESS",
        "POLICY", "TABLE", "VIEW", "SCHEMA", "DATABASE", "FUNCTION", "PROCEDURE", "MODEL", "INDEX", "MACRO", "SECRET",
        "SEQUENCE", "TYPE", "ROLE", "USER", "DATA", "IMMEDIATE", "CAPACITY", "RESERVATION", "ASSIGNMENT", "AGGREGATE",
        "UNIQUE", "ORGANIZATION", "PROJECT", "TRANSACTION", "CLONE",
    ], StringComparer.Ordinal);

    /// <summary>The statement that starts at <paramref name="index"/>, in a few words: "DROP TABLE", "INSERT".</summary>
    public static string Describe(IReadOnlyList<SqlToken> tokens, int index)
    {
        var first = tokens[index];
        if (first.Keyword is null)
        {
            return first.Kind == SqlTokenKind.End ? "nothing" : $"'{Shorten(first.Text ?? first.Kind.ToString())}'";
        }

        var words = first.Keyword;
        for (var i = index + 1; i < tokens.Count && i <= index + 4; i++)
        {
            if (tokens[i].Keyword is not { } word || !ObjectWords.Contains(word))
            {
                break;
            }

            words += " " + word;
        }

        return words;
    }

    /// <summary>A ';' with anything after it: the refusal naming the second statement, else null.</summary>
    public static string? SecondStatement(IReadOnlyList<SqlToken> tokens)
    {
        for (var i = 0; i < tokens.Count - 1; i++)
        {
            if (tokens[i].Kind == SqlTokenKind.Semicolon && tokens[i + 1].Kind != SqlTokenKind.End)
            {
                var next = tokens[i + 1];
                return next.Kind == SqlTokenKind.Semicolon
                    ? "Multi-statement SQL is blocked (found an empty statement after ';')"
                    : $"Multi-statement SQL is blocked (second statement: {Describe(tokens, i + 1)})";
            }
        }

        return null;
    }

    /// <summary>Whether a statement starting with <paramref name="token"/> is a query.</summary>
    public static bool StartsQuery(in SqlToken token) =>
        token.Kind == SqlTokenKind.LeftParen || token.Is("SELECT") || token.Is("WITH");

    /// <summary>A statement word other than those that start a query (so DELETE, but not SELECT).</summary>
    public static bool IsBlockedStatementWord(in SqlToken token) =>
        token.Kind == SqlTokenKind.Identifier && token.Keyword is { } keyword && SqlKeywords.IsStatementWord(keyword)
        && keyword is not ("SELECT" or "WITH" or "FROM");

    /// <summary>
    /// A statement word found where a query could not go on; END, IF, FOR and REPLACE are left out, since queries use
    /// them too (CASE … END, IF(…), FOR SYSTEM_TIME, * REPLACE).
    /// </summary>
    public static bool IsStatementWordInQuery(in SqlToken token) =>
        IsBlockedStatementWord(token) && token.Keyword is not ("END" or "IF" or "FOR" or "REPLACE");

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
