namespace Autopilot.Core.Sql;

/// <summary>Queries: WITH, set operations, parenthesized queries, ORDER BY and LIMIT.</summary>
public sealed partial class SqlParser
{
    private SqlQuery ParseQuery()
    {
        Enter();
        var with = SqlList<SqlCommonTableExpression>.Empty;
        if (AcceptKeyword("WITH"))
        {
            if (AtKeyword("RECURSIVE"))
            {
                throw new SqlParseException(SqlParseFailureKind.RecursiveCte, _index, "WITH RECURSIVE is not allowed");
            }

            var ctes = new List<SqlCommonTableExpression>();
            do
            {
                var name = ExpectName("a CTE name");
                ExpectKeyword("AS");
                Expect(SqlTokenKind.LeftParen, "'(' before the CTE's query");
                var query = ParseQuery();
                Expect(SqlTokenKind.RightParen, "')' after the CTE's query");
                ctes.Add(new SqlCommonTableExpression(name, query));
            }
            while (Accept(SqlTokenKind.Comma));
            with = ListOf(ctes);
        }

        var body = ParseSetExpression();
        var orderBy = AtKeyword("ORDER") ? ParseOrderBy() : SqlList<SqlOrderItem>.Empty;
        SqlLimit? limit = null;
        if (AcceptKeyword("LIMIT"))
        {
            var count = ParseLimitValue("LIMIT");
            var offset = AcceptKeyword("OFFSET") ? ParseLimitValue("OFFSET") : null;
            limit = new SqlLimit(count, offset);
        }

        Exit();
        return new SqlQuery(with, body, orderBy, limit);
    }

    // BigQuery wants parentheses wherever different set operations meet, so a chain is all one operator.
    private SqlQueryExpression ParseSetExpression()
    {
        var left = ParseQueryPrimary();
        (SqlSetOperator Op, bool All)? first = null;
        var links = 0;
        while (SetOperatorAt() is { } op)
        {
            var at = _index;
            Advance();
            bool all;
            if (AcceptKeyword("ALL"))
            {
                all = true;
            }
            else if (AcceptKeyword("DISTINCT"))
            {
                all = false;
            }
            else
            {
                throw Fail($"{op.ToString().ToUpperInvariant()} needs ALL or DISTINCT");
            }

            if (first is { } f && (f.Op != op || f.All != all))
            {
                throw new SqlParseException(SqlParseFailureKind.Syntax, at, "different set operations must be parenthesized");
            }

            first = (op, all);
            Deepen(ref links);
            left = new SqlSetOperation(op, all, left, ParseQueryPrimary());
        }

        Undeepen(links);
        return left;
    }

    private SqlSetOperator? SetOperatorAt() =>
        AtKeyword("UNION") ? SqlSetOperator.Union
        : AtKeyword("INTERSECT") ? SqlSetOperator.Intersect
        : AtKeyword("EXCEPT") ? SqlSetOperator.Except
        : null;

    private SqlQueryExpression ParseQueryPrimary()
    {
        if (AtKeyword("SELECT"))
        {
            return ParseSelect();
        }

        if (Accept(SqlTokenKind.LeftParen))
        {
            var query = ParseQuery();
            Expect(SqlTokenKind.RightParen, "')' after the query");
            return query;
        }

        throw Fail($"expected SELECT but found {Describe(Current)}");
    }

    private SqlList<SqlOrderItem> ParseOrderBy()
    {
        ExpectKeyword("ORDER");
        ExpectKeyword("BY");
        var items = new List<SqlOrderItem>();
        do
        {
            items.Add(ParseOrderItem());
        }
        while (Accept(SqlTokenKind.Comma));
        return ListOf(items);
    }

    private SqlOrderItem ParseOrderItem()
    {
        var expression = ParseExpression();
        var direction = AcceptKeyword("ASC") ? SqlSortDirection.Ascending
            : AcceptKeyword("DESC") ? SqlSortDirection.Descending
            : SqlSortDirection.Default;
        var nulls = SqlNullsOrder.Default;
        if (AcceptKeyword("NULLS"))
        {
            nulls = AcceptKeyword("FIRST") ? SqlNullsOrder.First
                : AcceptKeyword("LAST") ? SqlNullsOrder.Last
                : throw Fail("expected FIRST or LAST after NULLS");
        }

        return new SqlOrderItem(expression, direction, nulls);
    }

    // BigQuery takes only a literal or a parameter here.
    private SqlExpression ParseLimitValue(string clause)
    {
        var token = Current;
        if (token.Kind == SqlTokenKind.Number && new SqlNumberLiteral(token.Text!).IsInteger)
        {
            Advance();
            return new SqlNumberLiteral(token.Text!);
        }

        if (token.Kind is SqlTokenKind.NamedParameter or SqlTokenKind.PositionalParameter)
        {
            Advance();
            return new SqlParameter(token.Kind == SqlTokenKind.NamedParameter ? token.Text : null);
        }

        throw Fail($"{clause} needs an integer literal or a query parameter, not {Describe(token)}");
    }
}
