using Autopilot.Core.Sql;

namespace Autopilot.Tests.Sql;

public sealed class SqlParserTests
{
    private static SqlQuery Parse(string sql)
    {
        var result = SqlParser.Parse(sql);
        Assert.True(result.Query is not null, $"{sql}: {result.Failure?.Error}");
        return result.Query!;
    }

    private static SqlExpression Expression(string sql) =>
        ((SqlSelectExpression)((SqlSelect)Parse($"SELECT {sql}").Body).Items[0]).Expression;

    private static SqlParseFailure Failure(string sql) =>
        SqlParser.Parse(sql).Failure ?? throw new InvalidOperationException($"'{sql}' parsed");

    private static SqlColumnRef Col(params string[] path) => new(SqlList.From(path));

    private static SqlNumberLiteral Num(string text) => new(text);

    [Fact]
    public void OR_binds_looser_than_AND_which_binds_looser_than_NOT()
    {
        Assert.Equal(
            new SqlBinary(SqlBinaryOperator.Or, Col("a"), new SqlBinary(SqlBinaryOperator.And, Col("b"), new SqlUnary(SqlUnaryOperator.Not, Col("c")))),
            Expression("a OR b AND NOT c"));
    }

    [Fact]
    public void NOT_applies_to_a_whole_comparison()
    {
        Assert.Equal(new SqlUnary(SqlUnaryOperator.Not, new SqlBinary(SqlBinaryOperator.Equal, Col("a"), Col("b"))), Expression("NOT a = b"));
    }

    [Fact]
    public void Bitwise_operators_bind_between_comparison_and_shifts()
    {
        var and = new SqlBinary(SqlBinaryOperator.BitwiseAnd, Col("c"), new SqlBinary(SqlBinaryOperator.ShiftLeft, Col("d"), Num("1")));
        Assert.Equal(
            new SqlBinary(SqlBinaryOperator.Equal, Col("x"), new SqlBinary(SqlBinaryOperator.BitwiseOr, Col("a"), new SqlBinary(SqlBinaryOperator.BitwiseXor, Col("b"), and))),
            Expression("x = a | b ^ c & d << 1"));
    }

    [Fact]
    public void Multiplication_and_concatenation_bind_tighter_than_addition_and_all_lean_left()
    {
        Assert.Equal(
            new SqlBinary(SqlBinaryOperator.Subtract,
                new SqlBinary(SqlBinaryOperator.Add, Num("1"), new SqlBinary(SqlBinaryOperator.Multiply, Num("2"), Num("3"))),
                new SqlBinary(SqlBinaryOperator.Concat, Col("a"), Col("b"))),
            Expression("1 + 2 * 3 - a || b"));
    }

    [Fact]
    public void Unary_minus_binds_tighter_than_multiplication_and_looser_than_field_access()
    {
        Assert.Equal(
            new SqlBinary(SqlBinaryOperator.Multiply, new SqlUnary(SqlUnaryOperator.Negate, Col("t", "a")), Num("2")),
            Expression("-t.a * 2"));
    }

    [Fact]
    public void BETWEEN_takes_its_bounds_before_a_following_AND()
    {
        Assert.Equal(
            new SqlBinary(SqlBinaryOperator.And, new SqlBetween(Col("x"), Num("1"), Num("2"), false), Col("y")),
            Expression("x BETWEEN 1 AND 2 AND y"));
    }

    [Fact]
    public void IN_reads_lists_subqueries_and_UNNEST()
    {
        Assert.Equal(new SqlInList(Col("x"), [Num("1"), Num("2")], true), Expression("x NOT IN (1, 2)"));
        Assert.IsType<SqlInSubquery>(Expression("x IN (SELECT 1)"));
        Assert.IsType<SqlInSubquery>(Expression("x IN ((SELECT 1) UNION ALL (SELECT 2))"));
        Assert.IsType<SqlInList>(Expression("x IN ((SELECT 1) + 1, 2)"));
        Assert.Equal(new SqlInUnnest(Col("x"), Col("arr"), false), Expression("x IN UNNEST(arr)"));
    }

    [Fact]
    public void IS_reads_null_boolean_and_distinctness_tests()
    {
        Assert.Equal(new SqlIs(Col("x"), SqlIsTest.Null, true), Expression("x IS NOT NULL"));
        Assert.Equal(new SqlIs(Col("x"), SqlIsTest.False, false), Expression("x IS FALSE"));
        Assert.Equal(new SqlIsDistinctFrom(Col("a"), Col("b"), true), Expression("a IS NOT DISTINCT FROM b"));
    }

    [Fact]
    public void Typed_literals_intervals_and_parameters_are_primaries()
    {
        Assert.Equal(new SqlTypedLiteral("DATE", "2024-01-01"), Expression("date '2024-01-01'"));
        Assert.Equal(new SqlTypedLiteral("JSON", "{}"), Expression("JSON \"{}\""));
        Assert.Equal(new SqlIntervalLiteral(new SqlUnary(SqlUnaryOperator.Negate, Num("3")), "DAY", null), Expression("INTERVAL -3 DAY"));
        Assert.Equal(new SqlIntervalLiteral(new SqlStringLiteral("1-2"), "YEAR", "MONTH"), Expression("INTERVAL '1-2' YEAR TO MONTH"));
        Assert.Equal(new SqlParameter("p"), Expression("@p"));
        Assert.Equal(new SqlParameter(null), Expression("?"));
    }

    [Fact]
    public void A_column_named_like_a_type_is_still_a_column()
    {
        Assert.Equal(Col("timestamp"), Expression("timestamp"));
        Assert.Equal(new SqlFunctionCall(["DATE"], false, [Col("timestamp")], SqlNullHandling.Default, [], null, null), Expression("DATE(timestamp)"));
    }

    [Fact]
    public void Casts_take_parameterized_and_nested_types_whose_brackets_close_together()
    {
        var type = new SqlArrayType(new SqlStructType([new SqlStructTypeField("a", new SqlNamedType("INT64", [])), new SqlStructTypeField(null, new SqlArrayType(new SqlNamedType("STRING", [])))]));
        Assert.Equal(new SqlCast(Col("x"), type, false, null), Expression("CAST(x AS ARRAY<STRUCT<a INT64, ARRAY<STRING>>>)"));
        Assert.Equal(new SqlCast(Col("x"), new SqlNamedType("NUMERIC", ["10", "2"]), true, null), Expression("SAFE_CAST(x AS numeric(10, 2))"));
    }

    [Fact]
    public void EXTRACT_and_date_part_arguments_take_weekday_weeks()
    {
        Assert.Equal(new SqlExtract(new SqlDatePart("WEEK", "MONDAY"), Col("d"), null), Expression("EXTRACT(WEEK(MONDAY) FROM d)"));
        Assert.Equal(
            new SqlFunctionCall(["DATE_TRUNC"], false, [Col("d"), new SqlDatePartArgument(new SqlDatePart("WEEK", "SUNDAY"))], SqlNullHandling.Default, [], null, null),
            Expression("DATE_TRUNC(d, WEEK(SUNDAY))"));
        Assert.Equal(new SqlDatePartArgument(new SqlDatePart("DAY", null)), ((SqlFunctionCall)Expression("DATE_DIFF(a, b, day)")).Arguments[2]);
    }

    [Fact]
    public void Aggregate_calls_keep_DISTINCT_null_handling_ORDER_BY_and_LIMIT()
    {
        var call = (SqlFunctionCall)Expression("ARRAY_AGG(DISTINCT x IGNORE NULLS ORDER BY y DESC LIMIT 5)");
        Assert.True(call.Distinct);
        Assert.Equal(SqlNullHandling.Ignore, call.Nulls);
        Assert.Equal([new SqlOrderItem(Col("y"), SqlSortDirection.Descending, SqlNullsOrder.Default)], call.OrderBy);
        Assert.Equal(Num("5"), call.Limit);
        Assert.Equal([new SqlStar()], ((SqlFunctionCall)Expression("COUNT(*)")).Arguments);
    }

    [Fact]
    public void Window_calls_take_named_windows_partitions_and_frames()
    {
        var call = (SqlFunctionCall)Expression("SUM(x) OVER (w PARTITION BY a ORDER BY b ROWS BETWEEN 3 PRECEDING AND CURRENT ROW)");
        Assert.Equal(
            new SqlWindowSpec("w", [Col("a")], [SqlOrderItem.Of(Col("b"))],
                new SqlWindowFrame(SqlFrameUnit.Rows, new SqlFrameBound(SqlFrameBoundKind.Preceding, Num("3")), new SqlFrameBound(SqlFrameBoundKind.CurrentRow, null))),
            call.Over);
        Assert.True(((SqlFunctionCall)Expression("RANK() OVER w")).Over!.IsReference);
    }

    [Fact]
    public void Constructors_subscripts_and_field_access_parse_as_postfix_chains()
    {
        Assert.Equal(
            new SqlStructConstructor(new SqlStructType([new SqlStructTypeField("a", new SqlNamedType("INT64", []))]), [new SqlStructMember(Num("1"), null)]),
            Expression("STRUCT<a INT64>(1)"));
        Assert.Equal(new SqlArrayConstructor(new SqlNamedType("INT64", []), [Num("1")]), Expression("ARRAY<INT64>[1]"));
        Assert.Equal(new SqlArrayConstructor(null, [Num("1")]), Expression("ARRAY[1]"));
        Assert.Equal(
            new SqlFieldAccess(new SqlSubscript(Col("a", "b"), SqlSubscriptKind.SafeOffset, Num("0")), "c"),
            Expression("a.b[SAFE_OFFSET(0)].c"));
        Assert.Equal(new SqlSubscript(Col("j"), SqlSubscriptKind.Index, new SqlStringLiteral("k")), Expression("j['k']"));
    }

    [Fact]
    public void SAFE_prefixed_and_namespaced_calls_keep_their_path()
    {
        Assert.Equal(["SAFE", "DIVIDE"], ((SqlFunctionCall)Expression("SAFE.DIVIDE(1, 0)")).Name);
        Assert.Equal(["NET", "HOST"], ((SqlFunctionCall)Expression("NET.HOST(url)")).Name);
    }

    [Fact]
    public void CURRENT_DATE_without_parentheses_is_a_call()
    {
        Assert.Equal(Expression("CURRENT_DATE()"), Expression("CURRENT_DATE"));
        Assert.IsType<SqlColumnRef>(Expression("`current_date`"));
    }

    [Fact]
    public void Tables_are_paths_split_at_dots_even_inside_backticks_and_joined_at_project_dashes()
    {
        var from = (SqlTableRef)((SqlSelect)Parse("SELECT 1 FROM `my-project.analytics`.events AS e").Body).From!;
        Assert.Equal(["my-project", "analytics", "events"], from.Path);
        Assert.Equal("e", from.Alias);
        Assert.Equal(["my-data-project", "analytics", "events"], ((SqlTableRef)((SqlSelect)Parse("SELECT 1 FROM my-data-project.analytics.events").Body).From!).Path);
    }

    [Fact]
    public void Every_join_kind_reads_left_to_right_and_parentheses_group_joins()
    {
        var from = ((SqlSelect)Parse("SELECT 1 FROM a, b CROSS JOIN c JOIN d ON x LEFT OUTER JOIN e USING (k) RIGHT JOIN f ON y FULL JOIN (g INNER JOIN h ON z) ON w").Body).From!;
        var kinds = new List<SqlJoinKind>();
        for (var item = from; item is SqlJoin join; item = join.Left)
        {
            kinds.Insert(0, join.Kind);
        }

        Assert.Equal([SqlJoinKind.Comma, SqlJoinKind.Cross, SqlJoinKind.Inner, SqlJoinKind.Left, SqlJoinKind.Right, SqlJoinKind.Full], kinds);
        Assert.IsType<SqlJoin>(((SqlJoin)from).Right);
    }

    [Fact]
    public void UNNEST_takes_aliases_and_an_offset()
    {
        Assert.Equal(
            new SqlUnnestRef(Col("t", "arr"), "x", true, "i"),
            ((SqlJoin)((SqlSelect)Parse("SELECT x FROM t, UNNEST(t.arr) x WITH OFFSET AS i").Body).From!).Right);
    }

    [Fact]
    public void Select_modifiers_star_forms_and_clauses_parse()
    {
        var select = (SqlSelect)Parse(
            "SELECT DISTINCT AS STRUCT * EXCEPT (a) REPLACE (b + 1 AS b), t.*, c d FROM t WHERE x GROUP BY ROLLUP(a, b) HAVING y QUALIFY z WINDOW w AS (ORDER BY a)").Body;
        Assert.True(select.Distinct);
        Assert.Equal(SqlSelectMode.AsStruct, select.Mode);
        Assert.Equal(new SqlSelectStar(null, ["a"], [new SqlStarReplacement(new SqlBinary(SqlBinaryOperator.Add, Col("b"), Num("1")), "b")]), select.Items[0]);
        Assert.Equal(new SqlSelectStar(Col("t"), [], []), select.Items[1]);
        Assert.Equal(new SqlSelectExpression(Col("c"), "d"), select.Items[2]);
        Assert.Equal(new SqlGroupBy(false, [new SqlGroupingSet(SqlGroupingKind.Rollup, [Col("a"), Col("b")])]), select.GroupBy);
        Assert.NotNull(select.Having);
        Assert.NotNull(select.Qualify);
        Assert.Single(select.Windows);
        Assert.True(((SqlSelect)Parse("SELECT a FROM t GROUP BY ALL").Body).GroupBy!.All);
    }

    [Fact]
    public void Set_operations_chain_one_operator_and_take_parenthesized_operands()
    {
        var query = Parse("(SELECT 1 LIMIT 1) UNION ALL SELECT 2 UNION ALL (SELECT 3) ORDER BY 1 LIMIT 5");
        var set = Assert.IsType<SqlSetOperation>(query.Body);
        Assert.IsType<SqlSetOperation>(set.Left);
        Assert.NotNull(query.Limit);
        Assert.Contains("parenthesized", Failure("SELECT 1 UNION ALL SELECT 2 EXCEPT DISTINCT SELECT 3").Error.Message, StringComparison.Ordinal);
        Assert.Contains("ALL or DISTINCT", Failure("SELECT 1 UNION SELECT 2").Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WITH_defines_CTEs_and_WITH_RECURSIVE_is_refused()
    {
        Assert.Equal(["a", "b"], Parse("WITH a AS (SELECT 1), b AS (SELECT * FROM a) SELECT * FROM b").With.Select(c => c.Name));
        Assert.Equal(SqlParseFailureKind.RecursiveCte, Failure("WITH RECURSIVE r AS (SELECT 1) SELECT * FROM r").Kind);
    }

    [Fact]
    public void One_trailing_semicolon_is_allowed_and_anything_after_it_is_a_second_statement()
    {
        Parse("SELECT 1;");
        Parse("SELECT 1 ; -- done");
        Assert.Equal(SqlParseFailureKind.MultiStatement, Failure("SELECT 1; SELECT 2").Kind);
        Assert.Equal(SqlParseFailureKind.MultiStatement, Failure("SELECT 1;;").Kind);
    }

    [Fact]
    public void Syntax_errors_say_what_was_found_and_where()
    {
        var failure = Failure("SELECT a,\n  FROM t WHERE");
        Assert.Equal(SqlParseFailureKind.Syntax, failure.Kind);
        Assert.Equal(2, failure.Error.Line);
        Assert.Contains("end of input", Failure("SELECT a FROM t WHERE").Error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT * FROM 'users.csv'")]
    [InlineData("SELECT * FROM `/etc/passwd`")]
    [InlineData("SELECT * FROM `gs://bucket/x`")]
    [InlineData("SELECT * FROM `data.parquet`")]
    public void Tables_named_by_strings_or_file_paths_are_refused_by_the_parser(string sql)
    {
        Assert.Equal(SqlParseFailureKind.FileTable, Failure(sql).Kind);
    }

    [Fact]
    public void Nesting_beyond_the_limit_fails_cleanly_instead_of_overflowing_the_stack()
    {
        Assert.Equal(SqlParseFailureKind.TooDeep, Failure("SELECT " + new string('(', 100_000) + "1" + new string(')', 100_000)).Kind);
        Assert.Equal(SqlParseFailureKind.TooDeep, Failure("SELECT " + string.Join(" + ", Enumerable.Repeat("1", 50_000))).Kind);
        Assert.Equal(SqlParseFailureKind.TooDeep, Failure("SELECT " + string.Concat(Enumerable.Repeat("NOT ", 50_000)) + "TRUE").Kind);
        Assert.Equal(SqlParseFailureKind.TooDeep, Failure("SELECT * FROM " + string.Join(", ", Enumerable.Repeat("t", 50_000))).Kind);
    }

    [Fact]
    public void A_moderately_long_chain_stays_within_the_limit()
    {
        Parse("SELECT " + string.Join(" + ", Enumerable.Repeat("1", 150)));
    }
}
