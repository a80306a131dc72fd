using Autopilot.Core.Agent;
using Autopilot.Core.Agent.Planning;
using Autopilot.Core.Catalog;

namespace Autopilot.Tests.Agent.Planning;

/// <summary>The plan validator against the profiled demo catalog: what it rejects, in which words, and what it lets through.</summary>
[Collection(DemoPlanningCollection.Name)]
public sealed class PlanValidatorTests
{
    private const string Recent = "TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 7 DAY)";

    private readonly DemoPlanningCatalog _demo;

    public PlanValidatorTests(DemoPlanningCatalog demo) => _demo = demo;

    [Fact]
    public void A_hallucinated_table_is_named()
    {
        var errors = Validate($"SELECT COUNT(*) AS sessions FROM analytics.sessions AS s WHERE s.started_at >= {Recent}");

        Assert.Contains("Table analytics.sessions does not exist in the catalog.", errors);
        Assert.Single(errors);
    }

    [Theory]
    [InlineData("SELECT u.signup_source, COUNT(*) AS users FROM analytics.users AS u WHERE u.created_at >= " + Recent + " GROUP BY u.signup_source")]
    [InlineData("SELECT signup_source, COUNT(*) AS users FROM analytics.users WHERE created_at >= " + Recent + " GROUP BY signup_source")]
    [InlineData("SELECT analytics.users.signup_source FROM analytics.users WHERE analytics.users.created_at >= " + Recent + " LIMIT 5")]
    public void A_hallucinated_column_is_named_with_its_table(string sql)
    {
        Assert.Contains("Column analytics.users.signup_source does not exist.", Validate(sql));
    }

    [Fact]
    public void A_hallucinated_column_of_a_cte_or_a_join_is_named_where_it_was_looked_for()
    {
        var fromCte = Validate($"WITH d AS (SELECT DATE(o.created_at) AS day, COUNT(*) AS n FROM analytics.orders AS o WHERE o.created_at >= {Recent} GROUP BY day) SELECT day, total FROM d");
        var fromJoin = Validate($"SELECT refund_reason FROM analytics.orders AS o JOIN analytics.users AS u ON u.user_id = o.user_id WHERE o.created_at >= {Recent} AND u.created_at >= {Recent} LIMIT 5");
        var unknownAlias = Validate($"SELECT x.amount FROM analytics.orders AS o WHERE o.created_at >= {Recent} LIMIT 5");

        Assert.Equal(["Column total does not exist in the CTE d."], fromCte);
        Assert.Equal(["Column refund_reason does not exist in analytics.orders, analytics.users."], fromJoin);
        Assert.Equal(["Step s1 refers to x.amount, but no table, alias or column x is in scope."], unknownAlias);
    }

    [Fact]
    public void A_join_of_a_string_key_to_an_integer_key_is_rejected()
    {
        var catalog = _demo.Catalog with
        {
            Tables = [.. _demo.Catalog.Tables, new CatalogTable("conn_demo", "analytics", "user_scores", 10, 100, null, null, null, null, [], DateTimeOffset.UnixEpoch)],
            Columns =
            [
                .. _demo.Catalog.Columns,
                new CatalogColumn("conn_demo", "analytics", "user_scores", "user_id", "INT64", 0, 10, "1", "10", null, 0, false, null),
                new CatalogColumn("conn_demo", "analytics", "user_scores", "score", "FLOAT64", 0, 10, "0", "1", null, 0, false, null),
            ],
        };

        var errors = PlanValidator.Validate(Plan($"SELECT AVG(s.score) AS score FROM analytics.users AS u JOIN analytics.user_scores AS s ON s.user_id = u.user_id WHERE u.created_at >= {Recent}"), catalog);
        var amountToId = PlanValidator.Validate(Plan($"SELECT COUNT(*) AS n FROM analytics.orders AS o JOIN analytics.users AS u ON u.user_id = o.amount WHERE o.created_at >= {Recent} AND u.created_at >= {Recent}"), catalog);
        var usingKeys = PlanValidator.Validate(Plan($"SELECT COUNT(*) AS n FROM analytics.users AS u JOIN analytics.user_scores AS s USING (user_id) WHERE u.created_at >= {Recent}"), catalog);

        Assert.Equal(["Step s1 joins analytics.user_scores.user_id (INT64) to analytics.users.user_id (STRING): the key types are not comparable."], errors);
        Assert.Equal(["Step s1 joins analytics.users.user_id (STRING) to analytics.orders.amount (FLOAT64): the key types are not comparable."], amountToId);
        Assert.Equal(["Step s1 joins analytics.users.user_id (STRING) to analytics.user_scores.user_id (INT64): the key types are not comparable."], usingKeys);
    }

    [Theory]
    [InlineData("SELECT u.email FROM analytics.users AS u WHERE u.created_at >= " + Recent + " LIMIT 10", "email")]
    [InlineData("SELECT LOWER(u.email) AS mail, u.country FROM analytics.users AS u WHERE u.created_at >= " + Recent + " LIMIT 10", "email")]
    [InlineData("WITH x AS (SELECT u.contact_number AS phone FROM analytics.users AS u WHERE u.created_at >= " + Recent + ") SELECT phone FROM x LIMIT 10", "contact_number")]
    [InlineData("SELECT MAX(email) AS last_email FROM analytics.users WHERE created_at >= " + Recent, "email")]
    [InlineData("SELECT * FROM analytics.users WHERE created_at >= " + Recent + " LIMIT 10", "contact_number")]
    public void A_pii_column_selected_raw_is_rejected(string sql, string column)
    {
        Assert.Contains(Validate(sql), e => e.Contains($"selects the PII column analytics.users.{column} raw", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("SELECT COUNT(DISTINCT u.email) AS people FROM analytics.users AS u WHERE u.created_at >= " + Recent)]
    [InlineData("SELECT TO_HEX(SHA256(u.email)) AS email_hash FROM analytics.users AS u WHERE u.created_at >= " + Recent + " LIMIT 10")]
    [InlineData("SELECT COUNTIF(u.contact_number IS NULL) AS without_phone FROM analytics.users AS u WHERE u.created_at >= " + Recent)]
    [InlineData("SELECT * EXCEPT (email, contact_number) FROM analytics.users WHERE created_at >= " + Recent + " LIMIT 10")]
    [InlineData("WITH x AS (SELECT u.email FROM analytics.users AS u WHERE u.created_at >= " + Recent + ") SELECT COUNT(DISTINCT email) AS people FROM x")]
    public void Pii_that_only_reaches_the_output_counted_hashed_or_tested_is_accepted(string sql)
    {
        Assert.Empty(Validate(sql));
    }

    [Fact]
    public void A_series_on_a_partitioned_table_needs_a_condition_on_its_time_column()
    {
        var errors = Validate("SELECT DATE(e.timestamp) AS day, COUNT(*) AS events FROM analytics.events AS e GROUP BY day ORDER BY day", ResultShape.Series);

        Assert.Equal(["Step s1 reads analytics.events, which is partitioned by timestamp, without a condition on analytics.events.timestamp; add a time window on it."], errors);
    }

    [Fact]
    public void A_plan_about_time_needs_the_condition_whatever_its_shape_and_one_that_is_not_about_time_does_not()
    {
        const string Sql = "SELECT COUNT(*) AS orders FROM analytics.orders AS o";

        Assert.Single(PlanValidator.Validate(Plan(Sql, ResultShape.Scalar, goal: "Orders over the last 7 days"), _demo.Catalog));
        Assert.Empty(PlanValidator.Validate(Plan(Sql, ResultShape.Scalar, goal: "All orders ever placed"), _demo.Catalog));
        Assert.Equal(
            ["Step s1 should return a series over time, but it reads no table with a time column."],
            PlanValidator.Validate(Plan("SELECT c.key, COUNT(*) AS n FROM analytics.config AS c GROUP BY c.key", ResultShape.Series), _demo.Catalog));
    }

    [Fact]
    public void A_step_must_be_one_read_only_query_run_by_execute_query()
    {
        var tool = PlanValidator.Validate(Plan($"SELECT COUNT(*) AS n FROM analytics.orders WHERE created_at >= {Recent}") with
        {
            Steps = [new PlanStep("s1", "run_python", "print(1)", "Runs code")],
        }, _demo.Catalog);
        var ddl = Validate("DROP TABLE analytics.users");
        var twoStatements = Validate($"SELECT COUNT(*) AS n FROM analytics.orders WHERE created_at >= {Recent}; DELETE FROM analytics.orders WHERE TRUE");
        var none = PlanValidator.Validate(Plan("SELECT 1") with { Steps = [] }, _demo.Catalog);

        Assert.Equal(["Step s1 uses the tool \"run_python\"; only execute_query is allowed."], tool);
        Assert.StartsWith("Step s1 is not one read-only BigQuery query", Assert.Single(ddl), StringComparison.Ordinal);
        Assert.StartsWith("Step s1 is not one read-only BigQuery query", Assert.Single(twoStatements), StringComparison.Ordinal);
        Assert.Equal(["The plan has no steps."], none);
    }

    [Fact]
    public void A_query_that_uses_ctes_subqueries_aliases_json_and_correlation_correctly_passes()
    {
        var sql = $"""
            WITH recent AS (
              SELECT o.user_id, SUM(o.amount) AS spend, COUNT(*) AS orders
              FROM analytics.orders AS o
              WHERE o.created_at >= {Recent} AND o.status IN ('completed', 'shipped')
              GROUP BY o.user_id
            ), devices AS (
              SELECT e.user_id, JSON_VALUE(e.properties, '$.device') AS device
              FROM analytics.events AS e
              WHERE e.timestamp >= {Recent}
            )
            SELECT u.country, d.device, COUNT(*) AS buyers, AVG(r.spend) AS avg_spend, SUM(r.orders) AS orders
            FROM recent AS r
              JOIN analytics.users AS u ON u.user_id = r.user_id AND u.created_at <= CURRENT_TIMESTAMP()
              LEFT JOIN (SELECT DISTINCT user_id, device FROM devices) AS d USING (user_id)
            WHERE r.spend > (SELECT AVG(spend) FROM recent)
              AND EXISTS (SELECT 1 FROM analytics.events AS e2 WHERE e2.user_id = r.user_id AND e2.timestamp >= {Recent})
            GROUP BY u.country, d.device
            HAVING buyers > 1
            ORDER BY avg_spend DESC
            LIMIT 20
            """;

        Assert.Empty(Validate(sql, ResultShape.Table));
    }

    private IReadOnlyList<string> Validate(string sql, ResultShape shape = ResultShape.Scalar) => PlanValidator.Validate(Plan(sql, shape), _demo.Catalog);

    private static AgentPlan Plan(string sql, ResultShape shape = ResultShape.Scalar, string goal = "Answer over the last 7 days") =>
        new(goal, [new PlanStep("s1", "execute_query", sql, "The query")], [], [], shape, "test");
}
