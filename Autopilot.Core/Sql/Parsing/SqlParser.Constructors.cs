namespace Autopilot.Core.Sql;

/// <summary>ARRAY and STRUCT constructors and INTERVAL literals.</summary>
public sealed partial class SqlParser
{
    private SqlExpression ParseArray()
    {
        ExpectKeyword("ARRAY");
        if (At(SqlTokenKind.LeftParen))
        {
            return new SqlArraySubquery(ParseParenthesizedQuery("ARRAY"));
        }

        SqlType? element = null;
        if (Accept(SqlTokenKind.Less))
        {
            element = ParseType();
            ExpectCloseAngle();
        }

        return new SqlArrayConstructor(element, ParseArrayElements(tuples: element is SqlStructType));
    }

    // tuples: the array is typed ARRAY<STRUCT<…>>, where BigQuery also takes an element written as a tuple (a, b).
    private SqlList<SqlExpression> ParseArrayElements(bool tuples = false)
    {
        Expect(SqlTokenKind.LeftBracket, "'['");
        var elements = new List<SqlExpression>();
        if (!At(SqlTokenKind.RightBracket))
        {
            do
            {
                elements.Add(tuples && At(SqlTokenKind.LeftParen) && TryParse(SqlAttempt.StructTuple, ParseStructTuple, out var tuple)
                    ? tuple!
                    : ParseExpression());
            }
            while (Accept(SqlTokenKind.Comma));
        }

        Expect(SqlTokenKind.RightBracket, "']'");
        return ListOf(elements);
    }

    // (a, b, …) as a whole array element: the STRUCT(a, b, …) it stands for; the array's type names the fields.
    private SqlStructConstructor ParseStructTuple()
    {
        Expect(SqlTokenKind.LeftParen, "'('");
        var members = new List<SqlStructMember> { new(ParseExpression(), null) };
        Expect(SqlTokenKind.Comma, "','");
        do
        {
            members.Add(new SqlStructMember(ParseExpression(), null));
        }
        while (Accept(SqlTokenKind.Comma));

        Expect(SqlTokenKind.RightParen, "')' after the tuple");
        if (!At(SqlTokenKind.Comma) && !At(SqlTokenKind.RightBracket))
        {
            throw Fail("',' or ']' after a tuple");
        }

        return new SqlStructConstructor(null, ListOf(members));
    }

    private SqlStructConstructor ParseStruct()
    {
        ExpectKeyword("STRUCT");
        SqlStructType? type = null;
        if (At(SqlTokenKind.Less))
        {
            type = ParseStructTypeBody();
        }

        Expect(SqlTokenKind.LeftParen, "'(' after STRUCT");
        var members = new List<SqlStructMember>();
        if (!At(SqlTokenKind.RightParen))
        {
            do
            {
                var value = ParseExpression();
                string? alias = null;
                if (AcceptKeyword("AS"))
                {
                    alias = ExpectName("a field name");
                }

                members.Add(new SqlStructMember(value, alias));
            }
            while (Accept(SqlTokenKind.Comma));
        }

        Expect(SqlTokenKind.RightParen, "')' after STRUCT values");
        return new SqlStructConstructor(type, ListOf(members));
    }

    private SqlIntervalLiteral ParseInterval()
    {
        ExpectKeyword("INTERVAL");
        var value = ParseExpression(SqlPrecedence.Unary);
        var unit = ParseDatePart(SqlDateParts.IntervalUnits).Name;
        string? toUnit = null;
        if (AcceptKeyword("TO"))
        {
            toUnit = ParseDatePart(SqlDateParts.IntervalUnits).Name;
        }

        return new SqlIntervalLiteral(value, unit, toUnit);
    }
}
