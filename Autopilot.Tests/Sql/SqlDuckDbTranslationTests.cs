using System.Globalization;
using Autopilot.Core.Sql;
using DuckDB.NET.Data;

namespace Autopilot.Tests.Sql;

/// <summary>Runs BigQuery expressions, printed for DuckDB, on an in-memory DuckDB and checks BigQuery's answers.</summary>
public sealed class SqlDuckDbTranslationTests : IDisposable
{
    private readonly DuckDBConnection _connection = new("DataSource=:memory:");

    public SqlDuckDbTranslationTests() => _connection.Open();

    public void Dispose() => _connection.Dispose();

    private string? Evaluate(string expression)
    {
        var decision = SqlGate.Evaluate($"SELECT {expression} AS v", SqlGateContext.Default);
        Assert.True(decision.Allowed, string.Join(" | ", decision.Reasons));
        using var command = _connection.CreateCommand();
        command.CommandText = decision.Print(SqlDialect.DuckDb);
        var value = command.ExecuteScalar();
        return value switch
        {
            null or DBNull => null,
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            System.Collections.IEnumerable list and not string => string.Join(",", list.Cast<object?>().Select(x => Convert.ToString(x, CultureInfo.InvariantCulture))),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        };
    }

    [Theory]
    [InlineData("EXTRACT(DAYOFWEEK FROM DATE '2024-01-07')", "1")]
    [InlineData("EXTRACT(DAYOFWEEK FROM DATE '2024-01-13')", "7")]
    [InlineData("EXTRACT(WEEK FROM DATE '2024-01-06')", "0")]
    [InlineData("EXTRACT(WEEK FROM DATE '2024-01-07')", "1")]
    [InlineData("EXTRACT(WEEK(MONDAY) FROM DATE '2024-01-07')", "1")]
    [InlineData("EXTRACT(ISOWEEK FROM DATE '2024-12-30')", "1")]
    [InlineData("EXTRACT(MILLISECOND FROM TIMESTAMP '2024-01-01 00:00:07.250')", "250")]
    [InlineData("EXTRACT(DATE FROM TIMESTAMP '2024-01-01 10:00:00')", "2024-01-01")]
    [InlineData("DATE_TRUNC(DATE '2024-01-10', WEEK)", "2024-01-07")]
    [InlineData("DATE_TRUNC(DATE '2024-01-10', WEEK(MONDAY))", "2024-01-08")]
    [InlineData("DATE_TRUNC(DATE '2024-01-10', WEEK(FRIDAY))", "2024-01-05")]
    [InlineData("DATE_TRUNC(DATE '2024-05-20', QUARTER)", "2024-04-01")]
    [InlineData("TIMESTAMP_TRUNC(TIMESTAMP '2024-01-10 13:45:00', HOUR)", "2024-01-10 13:00:00")]
    [InlineData("TIMESTAMP_TRUNC(TIMESTAMP '2024-01-10 13:45:00', WEEK)", "2024-01-07 00:00:00")]
    [InlineData("DATE_DIFF(DATE '2024-01-14', DATE '2024-01-06', WEEK)", "2")]
    [InlineData("DATE_DIFF(DATE '2024-01-14', DATE '2024-01-06', WEEK(MONDAY))", "1")]
    [InlineData("DATE_DIFF(DATE '2024-03-01', DATE '2024-01-31', MONTH)", "2")]
    [InlineData("DATE_DIFF(DATE '2024-01-01', DATE '2024-01-10', DAY)", "-9")]
    [InlineData("TIMESTAMP_DIFF(TIMESTAMP '2010-07-07 10:20:00', TIMESTAMP '2008-12-25 15:30:00', HOUR)", "13410")]
    [InlineData("DATE_SUB(DATE '2024-03-01', INTERVAL 1 DAY)", "2024-02-29")]
    [InlineData("DATE_ADD(DATE '2024-01-31', INTERVAL 1 MONTH)", "2024-02-29")]
    [InlineData("TIMESTAMP_SUB(TIMESTAMP '2024-01-01 00:00:00', INTERVAL 90 MINUTE)", "2023-12-31 22:30:00")]
    [InlineData("LAST_DAY(DATE '2024-02-10')", "2024-02-29")]
    [InlineData("FORMAT_DATE('%F', DATE '2024-02-10')", "2024-02-10")]
    [InlineData("FORMAT_TIMESTAMP('%Y-%m-%d %H:%M', TIMESTAMP '2024-02-10 08:05:00')", "2024-02-10 08:05")]
    [InlineData("PARSE_DATE('%d/%m/%Y', '05/01/2024')", "2024-01-05")]
    [InlineData("UNIX_SECONDS(TIMESTAMP '1970-01-02 00:00:00')", "86400")]
    [InlineData("UNIX_DATE(DATE '1970-01-11')", "10")]
    [InlineData("DATE_FROM_UNIX_DATE(1)", "1970-01-02")]
    [InlineData("TIMESTAMP_SECONDS(1700000000)", "2023-11-14 22:13:20")]
    [InlineData("DATE(2024, 2, 3)", "2024-02-03")]
    [InlineData("DATE(TIMESTAMP '2024-02-03 23:30:00', 'America/New_York')", "2024-02-03")]
    [InlineData("ARRAY_LENGTH(GENERATE_DATE_ARRAY(DATE '2024-01-01', DATE '2024-01-31'))", "31")]
    [InlineData("SAFE_DIVIDE(1, 0)", null)]
    [InlineData("SAFE_DIVIDE(3, 4)", "0.75")]
    [InlineData("IEEE_DIVIDE(1, 4)", "0.25")]
    [InlineData("DIV(17, 5)", "3")]
    [InlineData("MOD(17, 5)", "2")]
    [InlineData("LOG(8, 2)", "3")]
    [InlineData("LOG(1)", "0")]
    [InlineData("5 ^ 3", "6")]
    [InlineData("0x1F + 1", "32")]
    [InlineData("CONCAT('a', NULL)", null)]
    [InlineData("CONCAT('a', 'b', 'c')", "abc")]
    [InlineData("SPLIT('a,b,c')[OFFSET(1)]", "b")]
    [InlineData("SPLIT('a-b', '-')[ORDINAL(1)]", "a")]
    [InlineData("[10, 20, 30][SAFE_OFFSET(5)]", null)]
    [InlineData("REGEXP_EXTRACT('user@example.com', r'@(.+)$')", "example.com")]
    [InlineData("REGEXP_EXTRACT('abc123', r'[0-9]+')", "123")]
    [InlineData("REGEXP_REPLACE('a-b-c', '-', '')", "abc")]
    [InlineData("REGEXP_CONTAINS('abc', r'^a')", "True")]
    [InlineData("TO_HEX(MD5('a'))", "0cc175b9c0f1b6a831c399e269772661")]
    [InlineData("JSON_VALUE('{\"a\": {\"b\": 5}}', '$.a.b')", "5")]
    [InlineData("JSON_EXTRACT_SCALAR('{\"a\": \"x\"}', '$.a')", "x")]
    [InlineData("TO_JSON_STRING(STRUCT(1 AS a))", "{\"a\":1}")]
    [InlineData("SAFE_CAST('x' AS INT64)", null)]
    [InlineData("CAST('1.25' AS NUMERIC) * 4 = 5", "True")]
    [InlineData("CAST(TRUE AS INT64)", "1")]
    [InlineData("IF(1 > 2, 'yes', 'no')", "no")]
    [InlineData("IFNULL(NULL, 7)", "7")]
    [InlineData("NULLIFZERO(0)", null)]
    [InlineData("STRUCT(1 AS a, 'x' AS b).b", "x")]
    [InlineData("STRUCT<a INT64, b STRING>(1, 'y').b", "y")]
    [InlineData("ARRAY<INT64>[1, 2][OFFSET(1)]", "2")]
    [InlineData("2 IN UNNEST([1, 2, 3])", "True")]
    [InlineData("2 NOT IN UNNEST([1, 3])", "True")]
    [InlineData("(SELECT COUNT(*) FROM UNNEST([1, 2, 3]) AS x WITH OFFSET AS o WHERE o = x - 1)", "3")]
    [InlineData("(SELECT STRING_AGG(x, '' ORDER BY x DESC) FROM UNNEST(['a', 'c', 'b']) AS x)", "cba")]
    [InlineData("(SELECT STRING_AGG(x, '' ORDER BY x LIMIT 2) FROM UNNEST(['a', 'c', 'b']) AS x)", "ab")]
    [InlineData("(SELECT ARRAY_AGG(x IGNORE NULLS ORDER BY x LIMIT 2) FROM UNNEST([3, NULL, 1, 2]) AS x)", "1,2")]
    [InlineData("(SELECT APPROX_QUANTILES(x, 2)[OFFSET(1)] FROM UNNEST([1, 2, 3, 4, 5]) AS x)", "3")]
    [InlineData("(SELECT COUNTIF(x > 1) FROM UNNEST([1, 2, 3]) AS x)", "2")]
    [InlineData("(SELECT LOGICAL_AND(x > 0) FROM UNNEST([1, 2]) AS x)", "True")]
    [InlineData("(SELECT x FROM UNNEST([2, NULL, 1]) AS x ORDER BY x LIMIT 1)", null)]
    [InlineData("(SELECT x FROM UNNEST([2, NULL, 1]) AS x ORDER BY x DESC LIMIT 1)", "2")]
    [InlineData("ARRAY(SELECT x * 2 FROM UNNEST([1, 2]) AS x ORDER BY x)", "2,4")]
    [InlineData("EXISTS (SELECT 1 FROM UNNEST([1]) AS x)", "True")]
    [InlineData("CURRENT_DATE() >= DATE '2024-01-01'", "True")]
    [InlineData("TIMESTAMP_DIFF(CURRENT_TIMESTAMP(), TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 2 DAY), HOUR)", "48")]
    [InlineData("DATE_DIFF(CURRENT_DATE(), DATE(CURRENT_TIMESTAMP()), DAY)", "0")]
    public void A_translated_expression_gives_BigQuerys_answer_on_DuckDB(string expression, string? expected)
    {
        Assert.Equal(expected, Evaluate(expression));
    }
}
