using Autopilot.Core.Sql;

namespace Autopilot.Tests.Sql;

public sealed class SqlPrinterTests
{
    private static string Canonical(string sql) => SqlPrinter.Print(SqlParser.Parse(sql).Query!);

    private static string DuckDb(string sql) => SqlPrinter.Print(SqlParser.Parse(sql).Query!, SqlDialect.DuckDb);

    [Theory]
    [InlineData("SELECT (a + b) * c", "SELECT (a + b) * c")]
    [InlineData("SELECT a + (b * c)", "SELECT a + b * c")]
    [InlineData("SELECT a - (b - c)", "SELECT a - (b - c)")]
    [InlineData("SELECT (a - b) - c", "SELECT a - b - c")]
    [InlineData("SELECT NOT (a AND b)", "SELECT NOT (a AND b)")]
    [InlineData("SELECT (NOT a) = b", "SELECT (NOT a) = b")]
    [InlineData("SELECT -(-x)", "SELECT -(-x)")]
    [InlineData("SELECT a - -b", "SELECT a - -b")]
    [InlineData("SELECT ((x))", "SELECT x")]
    [InlineData("SELECT (a OR b) AND c", "SELECT (a OR b) AND c")]
    [InlineData("SELECT x BETWEEN (a AND b) AND c", "SELECT x BETWEEN (a AND b) AND c")]
    [InlineData("SELECT (a + b).f", "SELECT (a + b).f")]
    [InlineData("SELECT (-a)[OFFSET(0)]", "SELECT (-a)[OFFSET(0)]")]
    public void Parentheses_appear_exactly_where_precedence_needs_them(string sql, string printed)
    {
        Assert.Equal(printed, Canonical(sql));
    }

    [Fact]
    public void Canonical_output_normalizes_spelling_without_changing_meaning()
    {
        Assert.Equal(
            "SELECT DISTINCT a AS x FROM analytics.users AS u JOIN analytics.orders AS o ON u.id = o.id LEFT JOIN t USING (k) WHERE a != 1 LIMIT 10",
            Canonical("select distinct a x from `analytics.users` u inner join analytics.orders o on u.id = o.id left outer join t using (k) where a <> 1 limit 10"));
    }

    [Theory]
    [InlineData("SELECT `select`", "SELECT `select`")]
    [InlineData("SELECT `my col`", "SELECT `my col`")]
    [InlineData("SELECT `café`", "SELECT `café`")]
    [InlineData("SELECT `current_date`", "SELECT `current_date`")]
    [InlineData("SELECT t.current_date", "SELECT t.current_date")]
    [InlineData("SELECT `a.b`", "SELECT `a.b`")]
    [InlineData("SELECT `back\\`tick`", "SELECT `back\\`tick`")]
    [InlineData("SELECT `date`, `timestamp`", "SELECT date, timestamp")]
    public void Names_are_quoted_only_when_they_must_be(string sql, string printed)
    {
        Assert.Equal(printed, Canonical(sql));
    }

    [Theory]
    [InlineData("SELECT r'a\\b'", "SELECT 'a\\\\b'")]
    [InlineData("SELECT \"it's\"", "SELECT 'it\\'s'")]
    [InlineData("SELECT '''two\nlines'''", "SELECT 'two\\nlines'")]
    [InlineData("SELECT b'\\x00A'", "SELECT b'\\x00A'")]
    [InlineData("SELECT 'é😀'", "SELECT 'é😀'")]
    public void Strings_print_single_quoted_with_escapes(string sql, string printed)
    {
        Assert.Equal(printed, Canonical(sql));
    }

    [Fact]
    public void Comments_never_survive_printing()
    {
        Assert.Equal("SELECT a FROM t", Canonical("SELECT /* x */ a -- y\nFROM # z\n t"));
    }

    [Fact]
    public void DuckDB_output_quotes_names_drops_the_project_and_keeps_BigQuery_null_ordering()
    {
        Assert.Equal(
            "SELECT \"e\".\"timestamp\" FROM \"analytics\".\"events\" AS \"e\" ORDER BY \"e\".\"timestamp\" NULLS FIRST, 2 DESC NULLS LAST",
            DuckDb("SELECT e.timestamp FROM `my-project.analytics.events` e ORDER BY e.timestamp, 2 DESC"));
    }

    [Theory]
    [InlineData("SELECT SAFE_DIVIDE(a, b)", "SELECT (\"a\" / NULLIF(\"b\", 0))")]
    [InlineData("SELECT COUNTIF(x > 1)", "SELECT count_if(\"x\" > 1)")]
    [InlineData("SELECT DATE_SUB(d, INTERVAL 7 DAY)", "SELECT CAST((\"d\" - INTERVAL (7) DAY) AS DATE)")]
    [InlineData("SELECT TIMESTAMP_ADD(ts, INTERVAL n HOUR)", "SELECT (\"ts\" + INTERVAL (\"n\") HOUR)")]
    [InlineData("SELECT DATE_TRUNC(d, MONTH)", "SELECT CAST(date_trunc('month', \"d\") AS DATE)")]
    [InlineData("SELECT DATE_DIFF(a, b, DAY)", "SELECT date_diff('day', \"b\", \"a\")")]
    [InlineData("SELECT SAFE_CAST(x AS INT64)", "SELECT TRY_CAST(\"x\" AS BIGINT)")]
    [InlineData("SELECT CAST(x AS ARRAY<STRUCT<a FLOAT64, b STRING>>)", "SELECT CAST(\"x\" AS STRUCT(\"a\" DOUBLE, \"b\" VARCHAR)[])")]
    [InlineData("SELECT a[OFFSET(0)], a[ORDINAL(2)]", "SELECT \"a\"[1], \"a\"[2]")]
    [InlineData("SELECT REGEXP_CONTAINS(s, r'\\d')", "SELECT regexp_matches(\"s\", '\\d')")]
    [InlineData("SELECT JSON_VALUE(j, '$.a')", "SELECT json_extract_string(\"j\", '$.a')")]
    [InlineData("SELECT * EXCEPT (a) FROM t", "SELECT * EXCLUDE (\"a\") FROM \"t\"")]
    [InlineData("SELECT 0x1F", "SELECT 31")]
    [InlineData("SELECT @p", "SELECT $p")]
    [InlineData("SELECT 'it''s'", null)]
    public void DuckDB_translations_print_as_documented(string sql, string? printed)
    {
        if (printed is null)
        {
            Assert.Null(SqlParser.Parse(sql).Query);
            return;
        }

        Assert.Equal(printed, DuckDb(sql));
    }
}
