using System.Collections.Frozen;

namespace Autopilot.Core.Sql;

/// <summary>Primary expressions: literals, names, parameters, parentheses and the keyword-led forms.</summary>
public sealed partial class SqlParser
{
    private static readonly string[] TypedLiteralTypes = ["DATE", "DATETIME", "TIME", "TIMESTAMP", "NUMERIC", "BIGNUMERIC", "JSON"];

    private SqlExpression ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case SqlTokenKind.Number:
                Advance();
                return new SqlNumberLiteral(token.Text!);
            case SqlTokenKind.String:
                Advance();
                return new SqlStringLiteral(token.Text!);
            case SqlTokenKind.Bytes:
                Advance();
                return new SqlBytesLiteral(token.Text!);
            case SqlTokenKind.NamedParameter:
                Advance();
                return new SqlParameter(token.Text);
            case SqlTokenKind.PositionalParameter:
                Advance();
                return new SqlParameter(null);
            case SqlTokenKind.SystemVariable:
                throw new SqlParseException(SqlParseFailureKind.SystemVariable, _index, $"system variable @@{token.Text} is scripting");
            case SqlTokenKind.LeftParen:
                return ParseParenthesized();
            case SqlTokenKind.LeftBracket:
                return new SqlArrayConstructor(null, ParseArrayElements());
            case SqlTokenKind.QuotedIdentifier:
                return ParseNameOrCall();
            case SqlTokenKind.Identifier:
                return ParseKeywordOrName(token);
            default:
                throw Fail($"expected an expression but found {Describe(token)}");
        }
    }

    private SqlExpression ParseKeywordOrName(SqlToken token)
    {
        var next = PeekToken(1).Kind;
        switch (token.Keyword)
        {
            case null:
                return ParseNameOrCall();
            case "NULL":
                Advance();
                return new SqlNullLiteral();
            case "TRUE" or "FALSE":
                Advance();
                return new SqlBooleanLiteral(token.Keyword == "TRUE");
            case "CASE":
                return ParseCase();
            case "CAST":
                return ParseCast(safe: false);
            case "SAFE_CAST" when next == SqlTokenKind.LeftParen:
                return ParseCast(safe: true);
            case "EXTRACT":
                return ParseExtract();
            case "EXISTS":
                Advance();
                return new SqlExists(ParseParenthesizedQuery("EXISTS"));
            case "ARRAY":
                return ParseArray();
            case "STRUCT":
                return ParseStruct();
            case "INTERVAL":
                return ParseInterval();
            case "CURRENT_DATE" or "CURRENT_DATETIME" or "CURRENT_TIME" or "CURRENT_TIMESTAMP" when next != SqlTokenKind.LeftParen:
                Advance();
                return new SqlFunctionCall([token.Text!], false, [], SqlNullHandling.Default, [], null, null);
            case "IF" or "LEFT" or "RIGHT" or "GROUPING" or "COLLATE" or "RANGE" when next == SqlTokenKind.LeftParen:
                Advance();
                return ParseCall([token.Text!]);
        }

        if (next == SqlTokenKind.String && Array.IndexOf(TypedLiteralTypes, token.Keyword) >= 0)
        {
            Advance();
            var value = Current.Text!;
            Advance();
            return new SqlTypedLiteral(token.Keyword, value);
        }

        if (SqlKeywords.IsReserved(token.Keyword))
        {
            throw Fail($"unexpected keyword {token.Keyword}");
        }

        return ParseNameOrCall();
    }

    // a, a.b.c, or a function call named by such a path (SAFE.DIVIDE(…), NET.HOST(…)).
    private SqlExpression ParseNameOrCall()
    {
        var parts = new List<string> { Current.Text! };
        Advance();
        while (At(SqlTokenKind.Dot) && PeekToken(1).Kind is SqlTokenKind.Identifier or SqlTokenKind.QuotedIdentifier)
        {
            Advance();
            parts.Add(Current.Text!);
            Advance();
        }

        var path = ListOf(parts);
        if (At(SqlTokenKind.LeftParen))
        {
            return ParseCall(path);
        }

        return new SqlColumnRef(path);
    }

    private SqlExpression ParseParenthesized()
    {
        var next = PeekToken(1);
        if (StartsQuery(next))
        {
            return new SqlScalarSubquery(ParseParenthesizedQuery("a subquery"));
        }

        // "((" opens either a parenthesized query used as a value or a nested expression: try the query first.
        if (next.Kind == SqlTokenKind.LeftParen && TryParse(SqlAttempt.ScalarSubquery, () => ParseParenthesizedQuery("a subquery"), out var query))
        {
            return new SqlScalarSubquery(query!);
        }

        Advance();
        var expression = ParseExpression();
        if (At(SqlTokenKind.Comma))
        {
            throw Fail("tuples (a, b) are not supported; use STRUCT(a, b)");
        }

        Expect(SqlTokenKind.RightParen, "')'");
        return expression;
    }

    private SqlQuery ParseParenthesizedQuery(string what)
    {
        Expect(SqlTokenKind.LeftParen, $"'(' before {what}");
        var query = ParseQuery();
        Expect(SqlTokenKind.RightParen, $"')' after {what}");
        return query;
    }

    private SqlCase ParseCase()
    {
        ExpectKeyword("CASE");
        var operand = AtKeyword("WHEN") ? null : ParseExpression();
        var whens = new List<SqlWhenClause>();
        while (AcceptKeyword("WHEN"))
        {
            var condition = ParseExpression();
            ExpectKeyword("THEN");
            whens.Add(new SqlWhenClause(condition, ParseExpression()));
        }

        if (whens.Count == 0)
        {
            throw Fail("CASE needs at least one WHEN");
        }

        var otherwise = AcceptKeyword("ELSE") ? ParseExpression() : null;
        ExpectKeyword("END");
        return new SqlCase(operand, ListOf(whens), otherwise);
    }

    private SqlCast ParseCast(bool safe)
    {
        Advance();
        Expect(SqlTokenKind.LeftParen, "'(' after CAST");
        var operand = ParseExpression();
        ExpectKeyword("AS");
        var type = ParseType();
        var format = AcceptKeyword("FORMAT") ? ParseExpression() : null;
        if (AtKeyword("AT"))
        {
            throw Fail("CAST … AT TIME ZONE is not supported");
        }

        Expect(SqlTokenKind.RightParen, "')' after CAST");
        return new SqlCast(operand, type, safe, format);
    }

    private SqlExtract ParseExtract()
    {
        ExpectKeyword("EXTRACT");
        Expect(SqlTokenKind.LeftParen, "'(' after EXTRACT");
        var part = ParseDatePart(SqlDateParts.Extractable);
        ExpectKeyword("FROM");
        var source = ParseExpression();
        SqlExpression? timeZone = null;
        if (AcceptKeyword("AT"))
        {
            ExpectKeyword("TIME");
            ExpectKeyword("ZONE");
            timeZone = ParseExpression();
        }

        Expect(SqlTokenKind.RightParen, "')' after EXTRACT");
        return new SqlExtract(part, source, timeZone);
    }

    private SqlDatePart ParseDatePart(FrozenSet<string> allowed)
    {
        var token = Current;
        if (token.Kind != SqlTokenKind.Identifier || token.Keyword is null || !allowed.Contains(token.Keyword))
        {
            throw Fail($"expected a date part but found {Describe(token)}");
        }

        Advance();
        if (token.Keyword == "WEEK" && Accept(SqlTokenKind.LeftParen))
        {
            var day = Current;
            if (day.Keyword is null || !SqlDateParts.Weekdays.Contains(day.Keyword))
            {
                throw Fail($"expected a weekday but found {Describe(day)}");
            }

            Advance();
            Expect(SqlTokenKind.RightParen, "')' after the weekday");
            return new SqlDatePart("WEEK", day.Keyword);
        }

        return new SqlDatePart(token.Keyword, null);
    }
}
