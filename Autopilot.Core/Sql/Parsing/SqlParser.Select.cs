namespace Autopilot.Core.Sql;

/// <summary>SELECT: the select list, WHERE, GROUP BY, HAVING, QUALIFY and WINDOW.</summary>
public sealed partial class SqlParser
{
    private SqlSelect ParseSelect()
    {
        ExpectKeyword("SELECT");
        var distinct = false;
        if (AcceptKeyword("DISTINCT"))
        {
            distinct = true;
        }
        else
        {
            AcceptKeyword("ALL");
        }

        var mode = SqlSelectMode.Default;
        if (AtKeyword("AS") && PeekToken(1).Is("STRUCT"))
        {
            mode = SqlSelectMode.AsStruct;
            Advance();
            Advance();
        }
        else if (AtKeyword("AS") && PeekToken(1).Is("VALUE"))
        {
            mode = SqlSelectMode.AsValue;
            Advance();
            Advance();
        }

        var items = new List<SqlSelectItem>();
        do
        {
            // BigQuery tolerates a trailing comma at the end of the select list.
            if (items.Count > 0 && EndsSelectList())
            {
                break;
            }

            items.Add(ParseSelectItem());
        }
        while (Accept(SqlTokenKind.Comma));

        var from = AcceptKeyword("FROM") ? ParseFrom() : null;
        var where = AcceptKeyword("WHERE") ? ParseExpression() : null;
        var groupBy = AtKeyword("GROUP") ? ParseGroupBy() : null;
        var having = AcceptKeyword("HAVING") ? ParseExpression() : null;
        var windows = SqlList<SqlNamedWindow>.Empty;
        if (AtKeyword("WINDOW"))
        {
            windows = ParseWindowClause();
        }

        var qualify = AcceptKeyword("QUALIFY") ? ParseExpression() : null;
        if (windows.Count == 0 && AtKeyword("WINDOW"))
        {
            windows = ParseWindowClause();
        }

        return new SqlSelect(distinct, mode, ListOf(items), from, where, groupBy, having, qualify, windows);
    }

    private bool EndsSelectList() =>
        At(SqlTokenKind.End) || At(SqlTokenKind.RightParen) || At(SqlTokenKind.Semicolon)
        || AtKeyword("FROM") || AtKeyword("WHERE") || AtKeyword("GROUP") || AtKeyword("ORDER") || AtKeyword("LIMIT")
        || AtKeyword("UNION") || AtKeyword("INTERSECT") || AtKeyword("EXCEPT") || AtKeyword("HAVING")
        || AtKeyword("QUALIFY") || AtKeyword("WINDOW");

    private SqlSelectItem ParseSelectItem()
    {
        if (Accept(SqlTokenKind.Star))
        {
            return ParseStarModifiers(null);
        }

        var expression = ParseExpression();
        if (At(SqlTokenKind.Dot) && PeekToken(1).Kind == SqlTokenKind.Star)
        {
            Advance();
            Advance();
            return ParseStarModifiers(expression);
        }

        return new SqlSelectExpression(expression, ParseAlias());
    }

    private SqlSelectStar ParseStarModifiers(SqlExpression? qualifier)
    {
        var except = SqlList<string>.Empty;
        var replace = SqlList<SqlStarReplacement>.Empty;
        if (AtKeyword("EXCEPT") && PeekToken(1).Kind == SqlTokenKind.LeftParen)
        {
            Advance();
            except = ParseNameList("a column name");
        }

        if (AtKeyword("REPLACE") && PeekToken(1).Kind == SqlTokenKind.LeftParen)
        {
            Advance();
            Advance();
            var replacements = new List<SqlStarReplacement>();
            do
            {
                var expression = ParseExpression();
                ExpectKeyword("AS");
                replacements.Add(new SqlStarReplacement(expression, ExpectName("a column name")));
            }
            while (Accept(SqlTokenKind.Comma));
            Expect(SqlTokenKind.RightParen, "')' after REPLACE items");
            replace = ListOf(replacements);
        }

        return new SqlSelectStar(qualifier, except, replace);
    }

    /// <summary><c>(name, …)</c>.</summary>
    private SqlList<string> ParseNameList(string what)
    {
        Expect(SqlTokenKind.LeftParen, "'('");
        var names = new List<string>();
        do
        {
            names.Add(ExpectName(what));
        }
        while (Accept(SqlTokenKind.Comma));
        Expect(SqlTokenKind.RightParen, "')'");
        return ListOf(names);
    }

    /// <summary>
    /// <c>AS name</c>, or a bare name. A bare word that starts a statement (DROP, DELETE, …) is not taken as an alias, so
    /// <c>SELECT 1 DROP TABLE t</c> stops at DROP and is refused as what it is.
    /// </summary>
    private string? ParseAlias()
    {
        if (AcceptKeyword("AS"))
        {
            return ExpectName("an alias");
        }

        if (!_halfShift && Current.IsName && !(Current.Keyword is { } keyword && SqlKeywords.IsStatementWord(keyword)))
        {
            var alias = Current.Text!;
            Advance();
            return alias;
        }

        return null;
    }

    private SqlGroupBy ParseGroupBy()
    {
        ExpectKeyword("GROUP");
        ExpectKeyword("BY");
        if (AcceptKeyword("ALL"))
        {
            return new SqlGroupBy(true, []);
        }

        var items = new List<SqlExpression>();
        do
        {
            if ((AtKeyword("ROLLUP") || AtKeyword("CUBE")) && PeekToken(1).Kind == SqlTokenKind.LeftParen)
            {
                var kind = AtKeyword("ROLLUP") ? SqlGroupingKind.Rollup : SqlGroupingKind.Cube;
                Advance();
                items.Add(new SqlGroupingSet(kind, ParseParenthesizedExpressions()));
            }
            else
            {
                items.Add(ParseExpression());
            }
        }
        while (Accept(SqlTokenKind.Comma));
        return new SqlGroupBy(false, ListOf(items));
    }

    private SqlList<SqlExpression> ParseParenthesizedExpressions()
    {
        Expect(SqlTokenKind.LeftParen, "'('");
        var items = new List<SqlExpression>();
        do
        {
            items.Add(ParseExpression());
        }
        while (Accept(SqlTokenKind.Comma));
        Expect(SqlTokenKind.RightParen, "')'");
        return ListOf(items);
    }

    private SqlList<SqlNamedWindow> ParseWindowClause()
    {
        ExpectKeyword("WINDOW");
        var windows = new List<SqlNamedWindow>();
        do
        {
            var name = ExpectName("a window name");
            ExpectKeyword("AS");
            windows.Add(new SqlNamedWindow(name, ParseWindowSpec()));
        }
        while (Accept(SqlTokenKind.Comma));
        return ListOf(windows);
    }
}
