using System.Collections.Frozen;

namespace Autopilot.Core.Sql;

/// <summary>Data types: names with parameters, ARRAY&lt;…&gt; and STRUCT&lt;…&gt;.</summary>
public sealed partial class SqlParser
{
    private static readonly FrozenSet<string> TypeNames = FrozenSet.ToFrozenSet(
    [
        "INT64", "INT", "SMALLINT", "INTEGER", "BIGINT", "TINYINT", "BYTEINT", "NUMERIC", "DECIMAL", "BIGNUMERIC",
        "BIGDECIMAL", "FLOAT64", "BOOL", "BOOLEAN", "STRING", "BYTES", "DATE", "DATETIME", "TIME", "TIMESTAMP",
        "INTERVAL", "JSON", "GEOGRAPHY",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> ParameterizedTypes = FrozenSet.ToFrozenSet(
        ["NUMERIC", "DECIMAL", "BIGNUMERIC", "BIGDECIMAL", "STRING", "BYTES"], StringComparer.Ordinal);

    private SqlType ParseType()
    {
        Enter();
        try
        {
            var token = Current;
            var name = token.Kind == SqlTokenKind.Identifier ? SqlKeywords.Lookup(token.Text) ?? AsciiUpper(token.Text!) : null;
            if (name == "ARRAY")
            {
                Advance();
                Expect(SqlTokenKind.Less, "'<' after ARRAY");
                var element = ParseType();
                ExpectCloseAngle();
                return new SqlArrayType(element);
            }

            if (name == "STRUCT")
            {
                Advance();
                return ParseStructTypeBody();
            }

            if (name is null || !TypeNames.Contains(name))
            {
                throw Fail($"expected a type but found {Describe(token)}");
            }

            Advance();
            var parameters = SqlList<string>.Empty;
            if (ParameterizedTypes.Contains(name) && Accept(SqlTokenKind.LeftParen))
            {
                var values = new List<string>();
                do
                {
                    if (Current.Kind != SqlTokenKind.Number)
                    {
                        throw Fail($"expected a type parameter but found {Describe(Current)}");
                    }

                    values.Add(Current.Text!);
                    Advance();
                }
                while (Accept(SqlTokenKind.Comma));
                Expect(SqlTokenKind.RightParen, "')' after type parameters");
                parameters = ListOf(values);
            }

            return new SqlNamedType(name, parameters);
        }
        finally
        {
            Exit();
        }
    }

    // At '<' of STRUCT<…>: fields "name type" or just "type".
    private SqlStructType ParseStructTypeBody()
    {
        Expect(SqlTokenKind.Less, "'<' after STRUCT");
        var fields = new List<SqlStructTypeField>();
        if (!At(SqlTokenKind.Greater))
        {
            do
            {
                string? name = null;
                if (Current.IsName && PeekToken(1).Kind == SqlTokenKind.Identifier)
                {
                    name = Current.Text;
                    Advance();
                }

                fields.Add(new SqlStructTypeField(name, ParseType()));
            }
            while (Accept(SqlTokenKind.Comma));
        }

        ExpectCloseAngle();
        return new SqlStructType(ListOf(fields));
    }

    private static string? AsciiUpper(string text)
    {
        foreach (var c in text)
        {
            if (c > '\u007F')
            {
                return null;
            }
        }

        return text.ToUpperInvariant();
    }
}
