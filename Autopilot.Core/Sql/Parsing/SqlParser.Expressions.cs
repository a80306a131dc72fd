namespace Autopilot.Core.Sql;

/// <summary>
/// Expressions by precedence climbing over <see cref="SqlPrecedence"/>: OR &lt; AND &lt; NOT &lt; comparison (=, IS,
/// IN, LIKE, BETWEEN) &lt; | &lt; ^ &lt; &amp; &lt; shifts &lt; + - &lt; * / || &lt; unary &lt; postfix.
/// </summary>
public sealed partial class SqlParser
{
    private SqlExpression ParseExpression(int minPrecedence = SqlPrecedence.Or)
    {
        Enter();
        var left = ParsePrefix();
        var links = 0;
        while (InfixPrecedence() is { } precedence && precedence >= minPrecedence)
        {
            Deepen(ref links);
            left = ParseInfix(left, precedence);
        }

        Undeepen(links);
        Exit();
        return left;
    }

    private int? InfixPrecedence()
    {
        if (_halfShift)
        {
            return null;
        }

        var token = Current;
        return token.Kind switch
        {
            SqlTokenKind.Identifier => token.Keyword switch
            {
                "OR" => SqlPrecedence.Or,
                "AND" => SqlPrecedence.And,
                "IS" or "IN" or "LIKE" or "BETWEEN" => SqlPrecedence.Comparison,
                "NOT" when PeekToken(1).Keyword is "IN" or "LIKE" or "BETWEEN" => SqlPrecedence.Comparison,
                _ => null,
            },
            SqlTokenKind.Equal or SqlTokenKind.NotEqual or SqlTokenKind.Less or SqlTokenKind.LessOrEqual
                or SqlTokenKind.Greater or SqlTokenKind.GreaterOrEqual => SqlPrecedence.Comparison,
            SqlTokenKind.Pipe => SqlPrecedence.BitwiseOr,
            SqlTokenKind.Caret => SqlPrecedence.BitwiseXor,
            SqlTokenKind.Ampersand => SqlPrecedence.BitwiseAnd,
            SqlTokenKind.ShiftLeft or SqlTokenKind.ShiftRight => SqlPrecedence.Shift,
            SqlTokenKind.Plus or SqlTokenKind.Minus => SqlPrecedence.Additive,
            SqlTokenKind.Star or SqlTokenKind.Slash or SqlTokenKind.Concat => SqlPrecedence.Multiplicative,
            _ => null,
        };
    }

    private SqlExpression ParseInfix(SqlExpression left, int precedence)
    {
        var token = Current;
        if (token.Kind != SqlTokenKind.Identifier)
        {
            Advance();
            var op = token.Kind switch
            {
                SqlTokenKind.Equal => SqlBinaryOperator.Equal,
                SqlTokenKind.NotEqual => SqlBinaryOperator.NotEqual,
                SqlTokenKind.Less => SqlBinaryOperator.Less,
                SqlTokenKind.LessOrEqual => SqlBinaryOperator.LessOrEqual,
                SqlTokenKind.Greater => SqlBinaryOperator.Greater,
                SqlTokenKind.GreaterOrEqual => SqlBinaryOperator.GreaterOrEqual,
                SqlTokenKind.Pipe => SqlBinaryOperator.BitwiseOr,
                SqlTokenKind.Caret => SqlBinaryOperator.BitwiseXor,
                SqlTokenKind.Ampersand => SqlBinaryOperator.BitwiseAnd,
                SqlTokenKind.ShiftLeft => SqlBinaryOperator.ShiftLeft,
                SqlTokenKind.ShiftRight => SqlBinaryOperator.ShiftRight,
                SqlTokenKind.Plus => SqlBinaryOperator.Add,
                SqlTokenKind.Minus => SqlBinaryOperator.Subtract,
                SqlTokenKind.Star => SqlBinaryOperator.Multiply,
                SqlTokenKind.Slash => SqlBinaryOperator.Divide,
                _ => SqlBinaryOperator.Concat,
            };
            return new SqlBinary(op, left, ParseExpression(precedence + 1));
        }

        switch (token.Keyword)
        {
            case "OR":
                Advance();
                return new SqlBinary(SqlBinaryOperator.Or, left, ParseExpression(SqlPrecedence.And));
            case "AND":
                Advance();
                return new SqlBinary(SqlBinaryOperator.And, left, ParseExpression(SqlPrecedence.Not));
            case "IS":
                return ParseIs(left);
        }

        var negated = AcceptKeyword("NOT");
        if (AcceptKeyword("IN"))
        {
            return ParseIn(left, negated);
        }

        if (AcceptKeyword("LIKE"))
        {
            if (AtKeyword("ANY") || AtKeyword("SOME") || AtKeyword("ALL"))
            {
                throw Fail("LIKE ANY|SOME|ALL is not supported");
            }

            return new SqlLike(left, ParseExpression(SqlPrecedence.Comparison + 1), negated);
        }

        ExpectKeyword("BETWEEN");
        var low = ParseExpression(SqlPrecedence.Comparison + 1);
        ExpectKeyword("AND");
        var high = ParseExpression(SqlPrecedence.Comparison + 1);
        return new SqlBetween(left, low, high, negated);
    }

    private SqlExpression ParseIs(SqlExpression left)
    {
        ExpectKeyword("IS");
        var negated = AcceptKeyword("NOT");
        if (AcceptKeyword("NULL"))
        {
            return new SqlIs(left, SqlIsTest.Null, negated);
        }

        if (AcceptKeyword("TRUE"))
        {
            return new SqlIs(left, SqlIsTest.True, negated);
        }

        if (AcceptKeyword("FALSE"))
        {
            return new SqlIs(left, SqlIsTest.False, negated);
        }

        if (AcceptKeyword("UNKNOWN"))
        {
            return new SqlIs(left, SqlIsTest.Unknown, negated);
        }

        ExpectKeyword("DISTINCT");
        ExpectKeyword("FROM");
        return new SqlIsDistinctFrom(left, ParseExpression(SqlPrecedence.Comparison + 1), negated);
    }

    private SqlExpression ParseIn(SqlExpression left, bool negated)
    {
        if (AcceptKeyword("UNNEST"))
        {
            Expect(SqlTokenKind.LeftParen, "'(' after UNNEST");
            var array = ParseExpression();
            Expect(SqlTokenKind.RightParen, "')' after the UNNEST argument");
            return new SqlInUnnest(left, array, negated);
        }

        Expect(SqlTokenKind.LeftParen, "'(' after IN");
        if (StartsQuery(Current))
        {
            return new SqlInSubquery(left, ParseInSubqueryBody(), negated);
        }

        if (At(SqlTokenKind.LeftParen) && TryParse(SqlAttempt.InSubquery, ParseInSubqueryBody, out var parenthesized))
        {
            return new SqlInSubquery(left, parenthesized!, negated);
        }

        var values = new List<SqlExpression>();
        do
        {
            values.Add(ParseExpression());
        }
        while (Accept(SqlTokenKind.Comma));
        Expect(SqlTokenKind.RightParen, "')' after the IN list");
        return new SqlInList(left, ListOf(values), negated);
    }

    // The query of IN (query) and its closing parenthesis; the caller has read the opening one.
    private SqlQuery ParseInSubqueryBody()
    {
        var query = ParseQuery();
        Expect(SqlTokenKind.RightParen, "')' after the subquery");
        return query;
    }

    private SqlExpression ParsePrefix()
    {
        if (_halfShift)
        {
            throw Fail("expected an expression");
        }

        var token = Current;
        if (token.Is("NOT"))
        {
            Advance();
            return new SqlUnary(SqlUnaryOperator.Not, ParseExpression(SqlPrecedence.Not));
        }

        SqlUnaryOperator? unary = token.Kind switch
        {
            SqlTokenKind.Minus => SqlUnaryOperator.Negate,
            SqlTokenKind.Plus => SqlUnaryOperator.Plus,
            SqlTokenKind.Tilde => SqlUnaryOperator.BitwiseNot,
            _ => null,
        };
        if (unary is { } op)
        {
            Advance();
            return new SqlUnary(op, ParseExpression(SqlPrecedence.Unary));
        }

        return ParsePostfix(ParsePrimary());
    }

    // Field access and subscripts; a dotted name path stays one SqlColumnRef.
    private SqlExpression ParsePostfix(SqlExpression target)
    {
        var links = 0;
        while (!_halfShift)
        {
            if (At(SqlTokenKind.Dot) && PeekToken(1).Kind is SqlTokenKind.Identifier or SqlTokenKind.QuotedIdentifier)
            {
                Advance();
                var field = Current.Text!;
                Advance();
                Deepen(ref links);
                target = target is SqlColumnRef column ? new SqlColumnRef(column.Path.Add(field)) : new SqlFieldAccess(target, field);
            }
            else if (At(SqlTokenKind.LeftBracket))
            {
                Advance();
                Deepen(ref links);
                target = ParseSubscript(target);
            }
            else
            {
                break;
            }
        }

        Undeepen(links);
        return target;
    }

    private SqlSubscript ParseSubscript(SqlExpression target)
    {
        SqlSubscriptKind? kind = Current.Keyword switch
        {
            "OFFSET" => SqlSubscriptKind.Offset,
            "ORDINAL" => SqlSubscriptKind.Ordinal,
            "SAFE_OFFSET" => SqlSubscriptKind.SafeOffset,
            "SAFE_ORDINAL" => SqlSubscriptKind.SafeOrdinal,
            _ => null,
        };
        SqlExpression index;
        if (kind is { } k && Current.Kind == SqlTokenKind.Identifier && PeekToken(1).Kind == SqlTokenKind.LeftParen)
        {
            Advance();
            Advance();
            index = ParseExpression();
            Expect(SqlTokenKind.RightParen, "')'");
            Expect(SqlTokenKind.RightBracket, "']'");
            return new SqlSubscript(target, k, index);
        }

        index = ParseExpression();
        Expect(SqlTokenKind.RightBracket, "']'");
        return new SqlSubscript(target, SqlSubscriptKind.Index, index);
    }
}
