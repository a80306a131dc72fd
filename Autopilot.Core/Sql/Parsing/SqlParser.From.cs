namespace Autopilot.Core.Sql;

/// <summary>FROM: tables, subqueries, UNNEST, table functions, and joins of every kind.</summary>
public sealed partial class SqlParser
{
    private SqlFromItem ParseFrom()
    {
        var left = ParseFromPrimary();
        var links = 0;
        while (true)
        {
            SqlJoinKind kind;
            if (Accept(SqlTokenKind.Comma))
            {
                kind = SqlJoinKind.Comma;
            }
            else if (AcceptKeyword("CROSS"))
            {
                ExpectKeyword("JOIN");
                kind = SqlJoinKind.Cross;
            }
            else if (JoinKindAt() is { } joinKind)
            {
                kind = joinKind;
            }
            else if (AtKeyword("NATURAL"))
            {
                throw Fail("NATURAL JOIN is not BigQuery");
            }
            else
            {
                break;
            }

            Deepen(ref links);
            var right = ParseFromPrimary();
            SqlExpression? on = null;
            var usingColumns = SqlList<string>.Empty;
            if (kind is not (SqlJoinKind.Comma or SqlJoinKind.Cross))
            {
                if (AcceptKeyword("ON"))
                {
                    on = ParseExpression();
                }
                else if (AcceptKeyword("USING"))
                {
                    usingColumns = ParseNameList("a column name");
                }
                else if (right is not SqlUnnestRef)
                {
                    // Only a correlated UNNEST may be joined without a condition.
                    throw Fail($"JOIN needs ON or USING, found {Describe(Current)}");
                }
            }

            left = new SqlJoin(kind, left, right, on, usingColumns);
        }

        Undeepen(links);
        return left;
    }

    // [INNER] JOIN, LEFT|RIGHT|FULL [OUTER] JOIN; consumes the words when they form a join.
    private SqlJoinKind? JoinKindAt()
    {
        if (AcceptKeyword("JOIN"))
        {
            return SqlJoinKind.Inner;
        }

        if (AtKeyword("INNER") && PeekToken(1).Is("JOIN"))
        {
            Advance();
            Advance();
            return SqlJoinKind.Inner;
        }

        SqlJoinKind? kind = AtKeyword("LEFT") ? SqlJoinKind.Left
            : AtKeyword("RIGHT") ? SqlJoinKind.Right
            : AtKeyword("FULL") ? SqlJoinKind.Full
            : null;
        if (kind is null)
        {
            return null;
        }

        var outer = PeekToken(1).Is("OUTER") ? 1 : 0;
        if (!PeekToken(1 + outer).Is("JOIN"))
        {
            return null;
        }

        for (var i = 0; i < 2 + outer; i++)
        {
            Advance();
        }

        return kind;
    }

    private SqlFromItem ParseFromPrimary()
    {
        Enter();
        try
        {
            if (At(SqlTokenKind.LeftParen))
            {
                return ParseParenthesizedFrom();
            }

            if (AtKeyword("UNNEST"))
            {
                return ParseUnnest();
            }

            if (Current.Kind is SqlTokenKind.String or SqlTokenKind.Bytes)
            {
                throw new SqlParseException(
                    SqlParseFailureKind.FileTable, _index, $"a table named by a quoted string ({Describe(Current)}) is not allowed");
            }

            // A table function, even one named by a reserved word (RANGE(…)): parsed only to be refused by name.
            if (Current.Kind == SqlTokenKind.Identifier && PeekToken(1).Kind == SqlTokenKind.LeftParen)
            {
                var name = Current.Text!;
                Advance();
                return new SqlTableFunctionRef([name], ParseArgumentsOfRefused(), ParseAlias());
            }

            if (!Current.IsName)
            {
                throw Fail($"expected a table, subquery or UNNEST but found {Describe(Current)}");
            }

            var path = ParseTablePath();
            if (At(SqlTokenKind.LeftParen))
            {
                return new SqlTableFunctionRef(path, ParseArgumentsOfRefused(), ParseAlias());
            }

            return new SqlTableRef(path, ParseAlias());
        }
        finally
        {
            Exit();
        }
    }

    private SqlFromItem ParseParenthesizedFrom()
    {
        var next = PeekToken(1);
        if (StartsQuery(next))
        {
            return ParseSubqueryRef();
        }

        if (next.Kind == SqlTokenKind.LeftParen && TryParse(SqlAttempt.FromSubquery, ParseSubqueryRef, out var subquery))
        {
            return subquery!;
        }

        // A parenthesized join: the parentheses only group, so the tree does not keep them.
        Advance();
        var item = ParseFrom();
        Expect(SqlTokenKind.RightParen, "')' after the parenthesized join");
        return item;
    }

    private SqlSubqueryRef ParseSubqueryRef()
    {
        Expect(SqlTokenKind.LeftParen, "'('");
        var query = ParseQuery();
        Expect(SqlTokenKind.RightParen, "')' after the subquery");
        return new SqlSubqueryRef(query, ParseAlias());
    }

    private SqlUnnestRef ParseUnnest()
    {
        ExpectKeyword("UNNEST");
        Expect(SqlTokenKind.LeftParen, "'(' after UNNEST");
        var array = ParseExpression();
        Expect(SqlTokenKind.RightParen, "')' after the UNNEST argument");
        var alias = ParseAlias();
        if (!(AtKeyword("WITH") && PeekToken(1).Is("OFFSET")))
        {
            return new SqlUnnestRef(array, alias, false, null);
        }

        Advance();
        Advance();
        return new SqlUnnestRef(array, alias, true, ParseAlias());
    }

    /// <summary>
    /// A table path: names separated by dots, where a backticked name may itself hold dots
    /// (<c>`project.dataset.table`</c>) and an unquoted project may hold dashes (<c>my-project.dataset.table</c>).
    /// </summary>
    private SqlList<string> ParseTablePath()
    {
        var parts = new List<string>();
        AddPathPart(parts, allowReserved: false);
        while (At(SqlTokenKind.Dot) && PeekToken(1).Kind is SqlTokenKind.Identifier or SqlTokenKind.QuotedIdentifier)
        {
            Advance();
            AddPathPart(parts, allowReserved: true);
        }

        return ListOf(parts);
    }

    private void AddPathPart(List<string> parts, bool allowReserved)
    {
        var token = Current;
        if (token.Kind == SqlTokenKind.QuotedIdentifier)
        {
            if (LooksLikeFilePath(token.Text!))
            {
                throw new SqlParseException(
                    SqlParseFailureKind.FileTable, _index, $"a table named like a file path ({Describe(token)}) is not allowed");
            }

            Advance();
            foreach (var part in token.Text!.Split('.'))
            {
                if (part.Length == 0)
                {
                    throw new SqlParseException(SqlParseFailureKind.Syntax, _index - 1, $"empty name in table path {Describe(token)}");
                }

                parts.Add(part);
            }

            return;
        }

        if (token.Kind != SqlTokenKind.Identifier || (!allowReserved && !token.IsName))
        {
            throw Fail($"expected a table name but found {Describe(token)}");
        }

        Advance();
        var name = token.Text!;
        var end = token.Start + token.Length;

        // Dashes join adjacent words of an unquoted project name: my-project-1.dataset.table.
        while (At(SqlTokenKind.Minus) && Current.Start == end
            && PeekToken(1).Kind is SqlTokenKind.Identifier or SqlTokenKind.Number && PeekToken(1).Start == end + 1)
        {
            var word = PeekToken(1);
            name = $"{name}-{word.Text}";
            end = word.Start + word.Length;
            Advance();
            Advance();
        }

        parts.Add(name);
    }

    // DuckDB reads a table named like a file (or URL) as that file; BigQuery never names tables so.
    private static bool LooksLikeFilePath(string name)
    {
        if (name.AsSpan().IndexOfAny('/', '\\', ':') >= 0 || name.StartsWith('~'))
        {
            return true;
        }

        var dot = name.LastIndexOf('.');
        return dot >= 0 && FileExtensions.Contains(name[(dot + 1)..]);
    }

    private static readonly HashSet<string> FileExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        "csv", "tsv", "txt", "json", "jsonl", "ndjson", "parquet", "arrow", "feather", "avro", "orc", "xlsx", "xls",
        "gz", "zst", "zip", "bz2", "db", "duckdb", "sqlite", "sqlite3", "log", "sql", "ipc",
    };
}
