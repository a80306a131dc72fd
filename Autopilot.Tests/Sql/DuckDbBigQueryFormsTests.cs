using Autopilot.Core.Sql;
using Autopilot.Core.Warehouse;
using Autopilot.Tests.Warehouse;

namespace Autopilot.Tests.Sql;

/// <summary>
/// Issue 8 §2: BigQuery forms the gate admits that failed on DuckDB, run through the real demo warehouse class; each
/// answer is checked against the tests' own plain DuckDB SQL over the same data, or a value fixed by the query.
/// </summary>
[Collection(DemoWarehouseCollection.Name)]
public sealed class DuckDbBigQueryFormsTests
{
    private static readonly QueryContext Limits = new("org_forms", null, long.MaxValue, TimeSpan.FromSeconds(60), 10_000);

    private readonly DemoWarehouseFixture _demo;

    public DuckDbBigQueryFormsTests(DemoWarehouseFixture demo) => _demo = demo;

    private async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> RunAsync(string sql)
    {
        // As the query path runs it: the gate (for the demo warehouse's dialect), then the warehouse.
        var decision = SqlGate.Evaluate(sql, DemoCatalog.Context with { Dialect = SqlDialect.DuckDb });
        Assert.True(decision.Allowed, string.Join(" | ", decision.Reasons));
        var result = await _demo.CreateWarehouse().ExecuteAsync(decision.RewrittenSql!, Limits, CancellationToken.None);
        return result.Rows;
    }

    [Fact]
    public async Task UNNEST_of_JSON_VALUE_ARRAY_in_a_comma_join_runs_and_yields_each_element()
    {
        var rows = await RunAsync("""
            WITH e AS (SELECT 1 AS id, '{"tags": ["a", "b"]}' AS properties UNION ALL SELECT 2, '{"tags": ["b"]}' UNION ALL SELECT 3, '{"device": "x"}')
            SELECT tag, COUNT(*) AS n FROM e, UNNEST(JSON_VALUE_ARRAY(e.properties, '$.tags')) AS tag GROUP BY tag ORDER BY tag
            """);
        Assert.Equal([("a", 1L), ("b", 2L)], rows.Select(r => ((string)r["tag"]!, Convert.ToInt64(r["n"], System.Globalization.CultureInfo.InvariantCulture))));

        // The query over the demo events (whose properties hold no tags: no rows, and no error).
        var events = await RunAsync(
            "SELECT tag, COUNT(*) AS n FROM analytics.events e, UNNEST(JSON_VALUE_ARRAY(e.properties, '$.tags')) AS tag WHERE e.timestamp >= TIMESTAMP '2026-11-01' GROUP BY tag");
        using var q = new DuckDbQuery(_demo.Path);
        Assert.Equal(
            q.Scalar<long>("SELECT count(*) FROM analytics.events e, unnest(json_extract_string(e.properties, '$.tags[*]')) WHERE e.timestamp >= TIMESTAMP '2026-11-01'"),
            events.Sum(r => Convert.ToInt64(r["n"], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task APPROX_TOP_COUNT_returns_value_and_count_structs_most_frequent_first()
    {
        var rows = await RunAsync("SELECT APPROX_TOP_COUNT(event_name, 5) AS top_events FROM analytics.events WHERE timestamp >= TIMESTAMP '2026-11-01'");

        using var q = new DuckDbQuery(_demo.Path);
        var expected = q.Pairs<string, long>(
            "SELECT event_name, count(*) AS n FROM analytics.events WHERE timestamp >= TIMESTAMP '2026-11-01' GROUP BY 1 ORDER BY n DESC, event_name LIMIT 5");
        var top = Assert.IsAssignableFrom<System.Collections.IEnumerable>(Assert.Single(rows)["top_events"]);
        Assert.Equal(
            expected.Select(e => $"{{value: {e.Item1}, count: {e.Item2}}}"),
            top.Cast<object?>().Select(DuckDbFunctionCoverageTests.Format));
    }

    [Fact]
    public async Task Fields_of_a_STRUCT_built_from_columns_are_named_after_the_columns()
    {
        var rows = await RunAsync("""
            SELECT origin.country, origin.channel, COUNT(*) AS n
            FROM (SELECT STRUCT(country, u.channel) AS origin FROM analytics.users u)
            GROUP BY 1, 2 ORDER BY n DESC, 1, 2
            """);

        using var q = new DuckDbQuery(_demo.Path);
        var expected = q.Pairs<string, string>("SELECT country, channel FROM analytics.users GROUP BY 1, 2 ORDER BY count(*) DESC, 1, 2");
        Assert.Equal(expected, rows.Select(r => ((string)r["country"]!, (string)r["channel"]!)));
    }

    [Fact]
    public async Task A_STRUCT_mixing_named_and_anonymous_fields_keeps_the_names_it_has()
    {
        var rows = await RunAsync("SELECT TO_JSON_STRING(STRUCT(1 AS a, 'x', country)) AS v FROM analytics.users WHERE country = 'US' LIMIT 1");
        Assert.Equal("""{"a":1,"_field_2":"x","country":"US"}""", Assert.Single(rows)["v"]);
    }

    [Theory]
    [InlineData("SELECT o.order_id, o.amount FROM top3 t, UNNEST(t.top) AS o ORDER BY o.amount DESC, o.order_id")]
    [InlineData("SELECT order_id, amount FROM top3 t, UNNEST(t.top) ORDER BY amount DESC, order_id")]
    [InlineData("SELECT o.order_id, o.amount FROM top3 t CROSS JOIN UNNEST(t.top) AS o ORDER BY o.amount DESC, o.order_id")]
    public async Task ARRAY_AGG_of_STRUCTs_with_ORDER_BY_and_LIMIT_unnests_to_the_rows_it_kept(string outer)
    {
        var rows = await RunAsync($"""
            WITH top3 AS (
              SELECT ARRAY_AGG(STRUCT(order_id, amount) ORDER BY amount DESC, order_id LIMIT 3) AS top
              FROM analytics.orders WHERE created_at >= TIMESTAMP '2026-11-01')
            {outer}
            """);

        using var q = new DuckDbQuery(_demo.Path);
        var expected = q.Pairs<string, double>(
            "SELECT order_id, amount FROM analytics.orders WHERE created_at >= TIMESTAMP '2026-11-01' ORDER BY amount DESC, order_id LIMIT 3");
        Assert.Equal(3, expected.Count);
        Assert.Equal(expected, rows.Select(r => ((string)r["order_id"]!, (double)r["amount"]!)));
    }

    [Fact]
    public async Task Tuples_in_a_typed_STRUCT_array_literal_are_admitted_and_take_the_types_field_names()
    {
        const string sql = "SELECT code, label FROM UNNEST(ARRAY<STRUCT<code STRING, label STRING>>[('US', 'United States'), ('GB', 'United Kingdom')]) ORDER BY code";
        var decision = SqlGate.Evaluate(sql, DemoCatalog.Context);
        Assert.True(decision.Allowed, string.Join(" | ", decision.Reasons));
        Assert.Equal(decision.Query, SqlParser.Parse(decision.RewrittenSql!).Query);

        var rows = await RunAsync(sql);
        Assert.Equal([("GB", "United Kingdom"), ("US", "United States")], rows.Select(r => ((string)r["code"]!, (string)r["label"]!)));
        var aliased = await RunAsync("SELECT c.label FROM UNNEST(ARRAY<STRUCT<code STRING, label STRING>>[('US', 'United States')]) AS c");
        Assert.Equal("United States", Assert.Single(aliased)["label"]);
    }

    [Theory]
    [InlineData("SELECT [(1, 2)]")]
    [InlineData("SELECT ARRAY<INT64>[(1, 2)]")]
    [InlineData("SELECT (1, 2)")]
    public void Tuples_outside_a_typed_STRUCT_array_literal_are_still_refused(string sql)
    {
        var decision = SqlGate.Evaluate(sql, DemoCatalog.Context);
        Assert.False(decision.Allowed);
        Assert.Equal([SqlRuleIds.InvalidSql], decision.RuleIds);
    }
}
