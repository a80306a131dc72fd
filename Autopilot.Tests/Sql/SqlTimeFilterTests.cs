using Autopilot.Core.Sql;
using static Autopilot.Tests.Sql.SqlGateChecks;

namespace Autopilot.Tests.Sql;

/// <summary>The require stage: time filters on partitioned and large tables.</summary>
public sealed class SqlTimeFilterTests
{
    [Fact]
    public void A_partitioned_table_without_a_time_filter_gets_one_at_its_own_level()
    {
        var decision = Evaluate("SELECT event_name, COUNT(*) AS n FROM analytics.events GROUP BY 1");
        Assert.Equal(
            "SELECT event_name, COUNT(*) AS n FROM analytics.events WHERE events.timestamp >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 30 DAY) GROUP BY 1",
            decision.RewrittenSql);
        Assert.Equal(["Partition filter auto-added"], decision.Reasons);
        Assert.Equal([SqlRuleIds.PartitionFilterAdded], decision.RuleIds);
    }

    [Fact]
    public void The_filter_names_the_tables_alias_and_joins_an_existing_WHERE()
    {
        Assert.Equal(
            "SELECT e.user_id FROM analytics.events AS e WHERE (e.event_name = 'a' OR e.event_name = 'b') AND e.timestamp >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 30 DAY) LIMIT 10000",
            Admitted("SELECT e.user_id FROM analytics.events e WHERE e.event_name = 'a' OR e.event_name = 'b'"));
    }

    [Theory]
    [InlineData("SELECT COUNT(*) FROM analytics.events WHERE timestamp >= TIMESTAMP '2024-01-01 00:00:00'")]
    [InlineData("SELECT COUNT(*) FROM analytics.events e WHERE DATE(e.timestamp) = CURRENT_DATE()")]
    [InlineData("SELECT COUNT(*) FROM analytics.events WHERE analytics.events.timestamp BETWEEN @a AND @b")]
    [InlineData("SELECT COUNT(*) FROM analytics.events AS e WHERE e.event_name = 'x' AND CAST(e.timestamp AS DATE) IN (DATE '2024-01-01')")]
    [InlineData("SELECT COUNT(*) FROM analytics.users u LEFT JOIN analytics.events e ON e.user_id = u.user_id AND e.timestamp > TIMESTAMP '2024-01-01 00:00:00'")]
    public void An_existing_filter_on_the_partition_column_is_respected(string sql)
    {
        var decision = Evaluate(sql);
        Assert.DoesNotContain("Partition filter auto-added", decision.Reasons);
        Assert.DoesNotContain("TIMESTAMP_SUB", decision.RewrittenSql, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT COUNT(*) FROM analytics.events WHERE timestamp > TIMESTAMP '2024-01-01 00:00:00' OR TRUE")]
    [InlineData("SELECT COUNT(*) FROM analytics.events e WHERE e.timestamp IS NOT NULL")]
    [InlineData("SELECT COUNT(*) FROM analytics.events e JOIN analytics.orders o ON o.user_id = e.user_id WHERE o.created_at > TIMESTAMP '2024-01-01 00:00:00' AND o.timestamp = e.user_id")]
    [InlineData("SELECT COUNT(*) FROM analytics.events e WHERE e.timestamp > e.timestamp")]
    [InlineData("SELECT * FROM (SELECT * FROM analytics.events) AS x WHERE x.timestamp > TIMESTAMP '2024-01-01 00:00:00'")]
    public void A_condition_that_does_not_narrow_the_partition_column_gets_the_filter_added(string sql)
    {
        Assert.Contains("Partition filter auto-added", Evaluate(sql).Reasons);
    }

    [Fact]
    public void Date_and_datetime_partition_columns_get_matching_filters_and_the_window_is_configurable()
    {
        var catalog = new Dictionary<string, SqlTablePolicy>
        {
            ["sales.daily"] = new("day", 10, 10, SqlTimeColumnType.Date),
            ["sales.local"] = new("local_time", 10, 10, SqlTimeColumnType.DateTime),
        };
        var options = SqlGateOptions.Default with { DefaultTimeWindowDays = 7 };
        Assert.Contains("daily.day >= DATE_SUB(CURRENT_DATE(), INTERVAL 7 DAY)", Evaluate("SELECT * FROM sales.daily", catalog, options).RewrittenSql, StringComparison.Ordinal);
        Assert.Contains("local.local_time >= DATETIME_SUB(CURRENT_DATETIME(), INTERVAL 7 DAY)", Evaluate("SELECT * FROM sales.local", catalog, options).RewrittenSql, StringComparison.Ordinal);
    }

    [Fact]
    public void Filters_go_into_CTEs_and_subqueries_where_the_table_is_read()
    {
        Assert.Equal(
            "WITH recent AS (SELECT user_id FROM analytics.orders WHERE orders.created_at >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 30 DAY)) SELECT COUNT(*) FROM recent WHERE user_id IN (SELECT user_id FROM analytics.events WHERE events.timestamp >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 30 DAY))",
            Admitted("WITH recent AS (SELECT user_id FROM analytics.orders) SELECT COUNT(*) FROM recent WHERE user_id IN (SELECT user_id FROM analytics.events)"));
    }

    [Fact]
    public void A_table_on_the_outer_side_of_an_outer_join_is_filtered_in_a_subquery_so_the_join_keeps_its_rows()
    {
        Assert.Equal(
            "SELECT u.user_id, o.order_id FROM analytics.users AS u LEFT JOIN (SELECT * FROM analytics.orders WHERE orders.created_at >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 30 DAY)) AS o USING (user_id) LIMIT 10000",
            Admitted("SELECT u.user_id, o.order_id FROM analytics.users u LEFT JOIN analytics.orders o USING (user_id)"));
    }

    [Fact]
    public void In_block_mode_a_missing_time_filter_refuses_the_query_naming_the_table_and_column()
    {
        var reasons = Refused("SELECT * FROM analytics.events", SqlRuleIds.TimeFilterRequired, SqlGateOptions.Default with { RequireTimeFilter = SqlTimeFilterMode.Block });
        Assert.Equal("Time filter required on analytics.events (partition column timestamp)", reasons);
        Admitted("SELECT * FROM analytics.events WHERE timestamp > TIMESTAMP '2024-01-01 00:00:00'", SqlGateOptions.Default with { RequireTimeFilter = SqlTimeFilterMode.Block });
    }

    [Fact]
    public void An_unpartitioned_table_needs_a_time_filter_only_when_it_is_large()
    {
        Assert.DoesNotContain("TIMESTAMP_SUB", Admitted("SELECT * FROM analytics.users"), StringComparison.Ordinal);
        Assert.Contains("users.created_at >= TIMESTAMP_SUB", Admitted("SELECT * FROM analytics.users", SqlGateOptions.Default with { LargeTableBytes = 1_000_000 }), StringComparison.Ordinal);
        Assert.DoesNotContain("WHERE", Admitted("SELECT * FROM analytics.config", SqlGateOptions.Default with { LargeTableBytes = 0 }), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT * FROM events")]
    [InlineData("SELECT * FROM ANALYTICS.EVENTS")]
    [InlineData("SELECT * FROM `my-project.analytics.events`")]
    [InlineData("SELECT * FROM `analytics`.`Events`")]
    public void Catalog_entries_match_case_insensitively_with_or_without_project_and_dataset(string sql)
    {
        Assert.Contains("Partition filter auto-added", Evaluate(sql).Reasons);
    }

    [Fact]
    public void A_CTE_named_like_a_catalog_table_is_not_that_table()
    {
        var decision = Evaluate("WITH events AS (SELECT 1 AS x) SELECT x FROM events");
        Assert.Equal(["LIMIT auto-added"], decision.Reasons);
        Assert.Empty(decision.Tables);
    }
}
