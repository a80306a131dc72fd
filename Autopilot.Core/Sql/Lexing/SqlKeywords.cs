using System.Collections.Frozen;

namespace Autopilot.Core.Sql;

/// <summary>
/// The words the lexer recognises as keywords: BigQuery's reserved keywords, the non-reserved words the query grammar
/// uses in context, and the statement words of everything the gate refuses (so a refusal can name what it found).
/// </summary>
internal static class SqlKeywords
{
    // BigQuery's reserved keywords (GoogleSQL lexical reference): never bare identifiers.
    private static readonly string[] ReservedWords =
    [
        "ALL", "AND", "ANY", "ARRAY", "AS", "ASC", "ASSERT_ROWS_MODIFIED", "AT", "BETWEEN", "BY", "CASE", "CAST",
        "COLLATE", "CONTAINS", "CREATE", "CROSS", "CUBE", "CURRENT", "DEFAULT", "DEFINE", "DESC", "DISTINCT", "ELSE",
        "END", "ENUM", "ESCAPE", "EXCEPT", "EXCLUDE", "EXISTS", "EXTRACT", "FALSE", "FETCH", "FOLLOWING", "FOR", "FROM",
        "FULL", "GROUP", "GROUPING", "GROUPS", "HASH", "HAVING", "IF", "IGNORE", "IN", "INNER", "INTERSECT", "INTERVAL",
        "INTO", "IS", "JOIN", "LATERAL", "LEFT", "LIKE", "LIMIT", "LOOKUP", "MERGE", "NATURAL", "NEW", "NO", "NOT",
        "NULL", "NULLS", "OF", "ON", "OR", "ORDER", "OUTER", "OVER", "PARTITION", "PRECEDING", "PROTO", "QUALIFY",
        "RANGE", "RECURSIVE", "RESPECT", "RIGHT", "ROLLUP", "ROWS", "SELECT", "SET", "SOME", "STRUCT", "TABLESAMPLE",
        "THEN", "TO", "TREAT", "TRUE", "UNBOUNDED", "UNION", "UNNEST", "USING", "WHEN", "WHERE", "WINDOW", "WITH",
        "WITHIN",
    ];

    // Non-reserved words with a meaning in some position of a query.
    private static readonly string[] ContextualWords =
    [
        "OFFSET", "ORDINAL", "SAFE_OFFSET", "SAFE_ORDINAL", "SAFE_CAST", "SAFE", "DATE", "DATETIME", "TIME", "TIMESTAMP",
        "NUMERIC", "BIGNUMERIC", "DECIMAL", "BIGDECIMAL", "JSON", "VALUE", "REPLACE", "ROW", "FIRST", "LAST", "UNKNOWN",
        "FORMAT", "ZONE", "CURRENT_DATE", "CURRENT_DATETIME", "CURRENT_TIME", "CURRENT_TIMESTAMP", "SYSTEM_TIME",
        "WEEK", "DAY", "DAYOFWEEK", "DAYOFYEAR", "ISOWEEK", "MONTH", "QUARTER", "YEAR", "ISOYEAR", "HOUR", "MINUTE",
        "SECOND", "MILLISECOND", "MICROSECOND", "NANOSECOND", "SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY",
        "FRIDAY", "SATURDAY", "ACCESS", "POLICY", "TRANSACTION", "DATA", "IMMEDIATE", "TABLE", "VIEW", "SCHEMA",
        "DATABASE", "FUNCTION", "PROCEDURE", "MODEL", "MATERIALIZED", "EXTERNAL", "TEMP", "TEMPORARY", "SNAPSHOT",
        "INDEX", "SEARCH", "VECTOR", "MACRO", "SECRET", "SEQUENCE", "TYPE", "ROLE", "USER", "CAPACITY", "RESERVATION",
        "ASSIGNMENT", "ORGANIZATION", "PROJECT", "AGGREGATE", "UNIQUE", "CLONE", "VALUES", "EXPLAIN",
    ];

    // Words that begin a statement other than a query; refused wherever they start one.
    private static readonly string[] StatementWords =
    [
        "CREATE", "ALTER", "DROP", "TRUNCATE", "RENAME", "INSERT", "UPDATE", "DELETE", "MERGE", "UPSERT", "REPLACE",
        "GRANT", "REVOKE", "DECLARE", "SET", "BEGIN", "END", "IF", "LOOP", "WHILE", "FOR", "REPEAT", "CALL", "EXECUTE",
        "RAISE", "ASSERT", "RETURN", "BREAK", "CONTINUE", "LEAVE", "ITERATE", "EXPORT", "LOAD", "COPY", "ATTACH",
        "DETACH", "INSTALL", "PRAGMA", "USE", "SHOW", "DESCRIBE", "EXPLAIN", "COMMIT", "ROLLBACK", "VACUUM",
        "CHECKPOINT", "ANALYZE", "SUMMARIZE", "UNDROP", "CLONE", "PREPARE", "DEALLOCATE", "RESET", "LISTEN", "NOTIFY",
        "UNLISTEN", "LOCK", "UNLOCK", "OPTIMIZE", "REFRESH", "IMPORT", "UNLOAD", "PUT", "GET", "REMOVE", "LIST", "SELECT",
        "WITH", "FROM",
    ];

    private static readonly FrozenSet<string> Reserved = ReservedWords.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Statements = StatementWords.ToFrozenSet(StringComparer.Ordinal);

    // Maps each known word to itself, so the lexer hands out one shared string per keyword.
    private static readonly FrozenDictionary<string, string> Known =
        ReservedWords.Concat(ContextualWords).Concat(StatementWords).Distinct(StringComparer.Ordinal)
            .ToFrozenDictionary(w => w, w => w, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> KnownBySpan =
        Known.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly int LongestWord = Known.Keys.Max(k => k.Length);

    public static bool IsReserved(string keyword) => Reserved.Contains(keyword);

    /// <summary>True for a word that starts a statement (including SELECT, WITH and FROM, which start queries).</summary>
    public static bool IsStatementWord(string keyword) => Statements.Contains(keyword);

    /// <summary>
    /// The keyword <paramref name="word"/> spells, or null. Only ASCII letters, digits and '_' are folded to upper
    /// case, so no other character can make a keyword.
    /// </summary>
    public static string? Lookup(ReadOnlySpan<char> word)
    {
        if (word.Length > LongestWord)
        {
            return null;
        }

        Span<char> upper = stackalloc char[word.Length];
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (c is >= 'a' and <= 'z')
            {
                upper[i] = (char)(c - 32);
            }
            else if (c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_')
            {
                upper[i] = c;
            }
            else
            {
                return null;
            }
        }

        return KnownBySpan.TryGetValue(upper, out var keyword) ? keyword : null;
    }
}
