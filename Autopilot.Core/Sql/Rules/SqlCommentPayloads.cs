using System.Collections.Frozen;

namespace Autopilot.Core.Sql;

/// <summary>
/// Finds comments that carry a statement (<c>/* DROP TABLE users */</c>, <c>-- ; DELETE FROM x</c>): such text is
/// never executed, but is aimed at whatever reads the SQL next. Each comment's text is lexed and searched for a
/// statement's shape — a keyword followed by its object — so prose ("drop-off rate", "last update") passes.
/// </summary>
internal static class SqlCommentPayloads
{
    private static readonly FrozenSet<string> DroppableObjects = FrozenSet.ToFrozenSet(
    [
        "TABLE", "VIEW", "SCHEMA", "DATABASE", "FUNCTION", "PROCEDURE", "MATERIALIZED", "EXTERNAL", "SNAPSHOT", "INDEX",
        "SEARCH", "VECTOR", "ROW", "MODEL", "TEMP", "TEMPORARY", "MACRO", "SECRET", "SEQUENCE", "TYPE", "ROLE", "USER",
        "CAPACITY", "RESERVATION", "ASSIGNMENT", "ALL", "OR", "AGGREGATE", "UNIQUE", "ORGANIZATION", "PROJECT",
    ], StringComparer.Ordinal);

    // Statement words rarely used as English after a ';', so there they mean a statement.
    private static readonly FrozenSet<string> NeverProse = FrozenSet.ToFrozenSet(
        ["PRAGMA", "VACUUM", "CHECKPOINT", "ATTACH", "DETACH", "INSTALL", "DECLARE", "EXECUTE", "UNDROP", "UPSERT", "UNLOAD"],
        StringComparer.Ordinal);

    /// <summary>The refusal for the first comment carrying a statement, or null.</summary>
    public static string? Find(string sql, IReadOnlyList<SqlComment> comments)
    {
        foreach (var comment in comments)
        {
            if (FindIn(comment.Text) is { } found)
            {
                var at = SqlSyntaxError.At(sql, comment.Start, string.Empty);
                return $"Dangerous SQL found in comments: {found} (comment at line {at.Line}, column {at.Column})";
            }
        }

        return null;
    }

    private static string? FindIn(string text)
    {
        if (text.Length < 3)
        {
            return null;
        }

        var tokens = SqlLexer.LexLeniently(text).TokenArray;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (StatementAt(tokens, i) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static string? StatementAt(SqlToken[] tokens, int i)
    {
        var token = tokens[i];
        if (token.Kind == SqlTokenKind.Semicolon)
        {
            // "; <statement>": a statement shape, or a word that is never prose, followed by its object. Prose such as
            // "…; drop-off is computed elsewhere" has neither.
            var word = Token(tokens, i + 1);
            var follower = Token(tokens, i + 2);
            return StatementAt(tokens, i + 1) is { } statement ? "; " + statement
                : word.Keyword is { } keyword && NeverProse.Contains(keyword) && !EndsStatement(follower)
                    ? "; " + SqlStatementShape.Describe(tokens, i + 1)
                : null;
        }

        var next = Token(tokens, i + 1);
        var found = token.Keyword switch
        {
            "DROP" or "ALTER" or "UNDROP" => next.Keyword is { } k && DroppableObjects.Contains(k),
            "CREATE" => next.Keyword is { } k && (DroppableObjects.Contains(k) || k == "REPLACE"),
            "TRUNCATE" => next.Is("TABLE"),
            "DELETE" => next.Is("FROM") ? EndsDeleteTarget(tokens, SkipPath(tokens, i + 2)) : Token(tokens, SkipPath(tokens, i + 1)).Is("WHERE"),
            "INSERT" => InsertsRows(tokens, next.Is("INTO") ? i + 2 : i + 1, into: next.Is("INTO")),
            "UPDATE" => SetsAfterTarget(tokens, SkipPath(tokens, i + 1)),
            "MERGE" => next.Is("INTO") || UsesAfterTarget(tokens, SkipPath(tokens, i + 1)),
            "GRANT" or "REVOKE" => KeywordWithin(tokens, i + 1, 8, "ON"),
            "EXECUTE" => next.Is("IMMEDIATE"),
            "EXPORT" or "LOAD" => next.Is("DATA"),
            "DECLARE" => next.IsName && Token(tokens, i + 2) is var t && (t.Kind is SqlTokenKind.Identifier or SqlTokenKind.Comma),
            "SET" => next.IsName && Token(tokens, i + 2).Kind == SqlTokenKind.Equal,
            "CALL" => Token(tokens, SkipPath(tokens, i + 1)).Kind == SqlTokenKind.LeftParen && next.IsName,
            "COPY" => next.IsName && Token(tokens, SkipPath(tokens, i + 1)) is var c && (c.Is("TO") || c.Is("FROM")),
            // Comment text is read without strings, so ATTACH '/tmp/x.db' shows as ATTACH / tmp / x . db.
            "ATTACH" => next.Kind is SqlTokenKind.Slash or SqlTokenKind.Dot or SqlTokenKind.Tilde || next.Is("DATABASE") || next.Is("IF")
                || KeywordWithin(tokens, i + 2, 8, "AS"),
            "PRAGMA" => next.Kind == SqlTokenKind.Identifier,
            "BEGIN" => next.Is("TRANSACTION"),
            _ => false,
        };
        return found ? SqlStatementShape.Describe(tokens, i) : null;
    }

    private static SqlToken Token(SqlToken[] tokens, int i) => tokens[Math.Min(i, tokens.Length - 1)];

    // Past a table path (a.b.c, `a.b`); returns the index after it, or i when there is none.
    private static int SkipPath(SqlToken[] tokens, int i)
    {
        if (!Token(tokens, i).IsName)
        {
            return i;
        }

        i++;
        while (Token(tokens, i).Kind == SqlTokenKind.Dot && Token(tokens, i + 1).Kind is SqlTokenKind.Identifier or SqlTokenKind.QuotedIdentifier)
        {
            i += 2;
        }

        return i;
    }

    private static bool EndsStatement(in SqlToken token) =>
        token.Kind is SqlTokenKind.End or SqlTokenKind.Semicolon;

    // DELETE FROM t ⟨end | ; | WHERE | [AS] alias ⟨end | ; | WHERE⟩⟩ — not "delete from consideration the test users".
    private static bool EndsDeleteTarget(SqlToken[] tokens, int after)
    {
        if (after == 0 || !Token(tokens, after - 1).IsName)
        {
            return false;
        }

        var t = Token(tokens, after);
        if (EndsStatement(t) || t.Is("WHERE"))
        {
            return true;
        }

        var alias = t.Is("AS") ? after + 1 : after;
        var next = Token(tokens, alias + 1);
        return Token(tokens, alias).IsName && (EndsStatement(next) || next.Is("WHERE"));
    }

    private static bool InsertsRows(SqlToken[] tokens, int target, bool into)
    {
        var after = SkipPath(tokens, target);
        if (after == target)
        {
            return false;
        }

        var t = Token(tokens, after);
        return t.Kind is SqlTokenKind.LeftParen || t.Is("VALUES") || t.Is("SELECT") || t.Is("WITH") || t.Is("DEFAULT")
            || (into && EndsStatement(t));
    }

    private static bool SetsAfterTarget(SqlToken[] tokens, int after)
    {
        if (after == 0 || !Token(tokens, after - 1).IsName)
        {
            return false;
        }

        var t = Token(tokens, after);
        if (t.Is("SET"))
        {
            return true;
        }

        var alias = t.Is("AS") ? after + 1 : after;
        return Token(tokens, alias).IsName && Token(tokens, alias + 1).Is("SET");
    }

    private static bool UsesAfterTarget(SqlToken[] tokens, int after)
    {
        var t = Token(tokens, after);
        return t.Is("USING") || (Token(tokens, t.Is("AS") ? after + 1 : after).IsName && Token(tokens, (t.Is("AS") ? after + 1 : after) + 1).Is("USING"));
    }

    private static bool KeywordWithin(SqlToken[] tokens, int start, int count, string keyword)
    {
        for (var i = start; i < tokens.Length && i < start + count; i++)
        {
            if (tokens[i].Is(keyword))
            {
                return true;
            }
        }

        return false;
    }
}
