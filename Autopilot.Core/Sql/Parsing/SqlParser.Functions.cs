namespace Autopilot.Core.Sql;

/// <summary>Function calls with their aggregate modifiers, and window specifications.</summary>
public sealed partial class SqlParser
{
    private SqlFunctionCall ParseCall(SqlList<string> name)
    {
        if (BigQueryFunctions.RefusalOf(name) is not null)
        {
            // The gate refuses this call by its name, whatever its arguments (ML.PREDICT(MODEL m, …), lambdas).
            var refusedArguments = ParseArgumentsOfRefused();
            var refusedOver = AcceptKeyword("OVER") ? ParseWindowSpec() : null;
            return new SqlFunctionCall(name, false, refusedArguments, SqlNullHandling.Default, [], null, refusedOver);
        }

        Expect(SqlTokenKind.LeftParen, "'('");
        var distinct = AcceptKeyword("DISTINCT");
        var arguments = new List<SqlExpression>();
        if (At(SqlTokenKind.Star) && PeekToken(1).Kind == SqlTokenKind.RightParen)
        {
            Advance();
            arguments.Add(new SqlStar());
        }
        else if (!At(SqlTokenKind.RightParen))
        {
            var function = SqlFunctionNames.Canonical(name);
            do
            {
                arguments.Add(SqlDateParts.IsDatePartArgument(function, arguments.Count) && IsDatePartWord(Current)
                    ? new SqlDatePartArgument(ParseDatePart(SqlDateParts.Granularities))
                    : ParseExpression());
            }
            while (Accept(SqlTokenKind.Comma));
        }

        var nulls = SqlNullHandling.Default;
        if (AtKeyword("IGNORE") || AtKeyword("RESPECT"))
        {
            nulls = AtKeyword("IGNORE") ? SqlNullHandling.Ignore : SqlNullHandling.Respect;
            Advance();
            ExpectKeyword("NULLS");
        }

        var orderBy = AtKeyword("ORDER") ? ParseOrderBy() : SqlList<SqlOrderItem>.Empty;
        var limit = AcceptKeyword("LIMIT") ? ParseLimitValue("LIMIT") : null;
        Expect(SqlTokenKind.RightParen, "')' after the function's arguments");
        var over = AcceptKeyword("OVER") ? ParseWindowSpec() : null;
        return new SqlFunctionCall(name, distinct, ListOf(arguments), nulls, orderBy, limit, over);
    }

    private static bool IsDatePartWord(in SqlToken token) =>
        token.Kind == SqlTokenKind.Identifier && token.Keyword is not null && SqlDateParts.Granularities.Contains(token.Keyword);

    /// <summary><c>name</c> or <c>([name] [PARTITION BY …] [ORDER BY …] [frame])</c>.</summary>
    private SqlWindowSpec ParseWindowSpec()
    {
        if (!At(SqlTokenKind.LeftParen))
        {
            return new SqlWindowSpec(ExpectName("a window name or '('"), [], [], null);
        }

        Advance();
        string? name = null;
        if (Current.IsName && !AtKeyword("PARTITION") && !AtKeyword("ORDER") && !AtKeyword("ROWS") && !AtKeyword("RANGE"))
        {
            name = Current.Text;
            Advance();
        }

        var partitionBy = SqlList<SqlExpression>.Empty;
        if (AcceptKeyword("PARTITION"))
        {
            ExpectKeyword("BY");
            var items = new List<SqlExpression>();
            do
            {
                items.Add(ParseExpression());
            }
            while (Accept(SqlTokenKind.Comma));
            partitionBy = ListOf(items);
        }

        var orderBy = AtKeyword("ORDER") ? ParseOrderBy() : SqlList<SqlOrderItem>.Empty;
        SqlWindowFrame? frame = null;
        if (AtKeyword("ROWS") || AtKeyword("RANGE"))
        {
            var unit = AtKeyword("ROWS") ? SqlFrameUnit.Rows : SqlFrameUnit.Range;
            Advance();
            if (AcceptKeyword("BETWEEN"))
            {
                var start = ParseFrameBound();
                ExpectKeyword("AND");
                frame = new SqlWindowFrame(unit, start, ParseFrameBound());
            }
            else
            {
                frame = new SqlWindowFrame(unit, ParseFrameBound(), null);
            }
        }

        Expect(SqlTokenKind.RightParen, "')' after the window specification");
        return new SqlWindowSpec(name, partitionBy, orderBy, frame);
    }

    private SqlFrameBound ParseFrameBound()
    {
        if (AcceptKeyword("UNBOUNDED"))
        {
            return AcceptKeyword("PRECEDING") ? new SqlFrameBound(SqlFrameBoundKind.UnboundedPreceding, null)
                : AcceptKeyword("FOLLOWING") ? new SqlFrameBound(SqlFrameBoundKind.UnboundedFollowing, null)
                : throw Fail("expected PRECEDING or FOLLOWING after UNBOUNDED");
        }

        if (AcceptKeyword("CURRENT"))
        {
            ExpectKeyword("ROW");
            return new SqlFrameBound(SqlFrameBoundKind.CurrentRow, null);
        }

        var offset = ParseExpression(SqlPrecedence.BitwiseOr);
        return AcceptKeyword("PRECEDING") ? new SqlFrameBound(SqlFrameBoundKind.Preceding, offset)
            : AcceptKeyword("FOLLOWING") ? new SqlFrameBound(SqlFrameBoundKind.Following, offset)
            : throw Fail("expected PRECEDING or FOLLOWING");
    }

    /// <summary>
    /// The arguments of a call that will be refused by name: parsed as expressions when they are, otherwise skipped to
    /// the matching ')' (kept as none), so the refusal names the function rather than its argument syntax.
    /// </summary>
    private SqlList<SqlExpression> ParseArgumentsOfRefused()
    {
        if (TryParse(SqlAttempt.RefusedArguments, ParseArgumentList, out var arguments))
        {
            return arguments!;
        }

        Expect(SqlTokenKind.LeftParen, "'('");
        var open = 1;
        while (open > 0)
        {
            if (At(SqlTokenKind.End) || At(SqlTokenKind.Semicolon))
            {
                throw Fail("expected ')' after the function's arguments");
            }

            open += At(SqlTokenKind.LeftParen) ? 1 : At(SqlTokenKind.RightParen) ? -1 : 0;
            Advance();
        }

        return [];
    }

    private SqlList<SqlExpression> ParseArgumentList()
    {
        Expect(SqlTokenKind.LeftParen, "'('");
        var arguments = new List<SqlExpression>();
        if (!At(SqlTokenKind.RightParen))
        {
            do
            {
                arguments.Add(At(SqlTokenKind.Star) && PeekToken(1).Kind == SqlTokenKind.RightParen ? ParseStarArgument() : ParseExpression());
            }
            while (Accept(SqlTokenKind.Comma));
        }

        Expect(SqlTokenKind.RightParen, "')' after the function's arguments");
        return ListOf(arguments);
    }

    private SqlStar ParseStarArgument()
    {
        Advance();
        return new SqlStar();
    }
}
