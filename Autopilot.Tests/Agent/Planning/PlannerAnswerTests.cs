using System.Globalization;
using Autopilot.Core.Agent;
using Autopilot.Core.Agent.Planning;
using Autopilot.Core.Sql;

namespace Autopilot.Tests.Agent.Planning;

/// <summary>
/// Questions analysts ask of the demo warehouse: each is planned, validated, admitted by the gate unchanged, run on
/// DuckDB, and its answer compared with what the test's own SQL computes.
/// </summary>
[Collection(DemoPlanningCollection.Name)]
public sealed class PlannerAnswerTests
{
    private const string Ts = "\"timestamp\"";
    private const string Week = "CAST(date_trunc('week', {today}) AS DATE)";
    private const string Month = "CAST(date_trunc('month', {today}) AS DATE)";
    private const string OrdersWithUsers = "analytics.orders o JOIN analytics.users u ON u.user_id = o.user_id";
    private const string EventsWithUsers = "analytics.events e JOIN analytics.users u ON u.user_id = e.user_id";

    private readonly DemoPlanningCatalog _demo;

    public PlannerAnswerTests(DemoPlanningCatalog demo) => _demo = demo;

    public static TheoryData<string, ResultShape, string> Questions => new()
    {
        // Active users per day / week / month.
        { "Daily active users over the last 30 days", ResultShape.Series,
            $"SELECT CAST({Ts} AS DATE) AS day, COUNT(DISTINCT user_id) AS active_users FROM analytics.events WHERE {Days(Ts, 30)} GROUP BY 1 ORDER BY 1" },
        { "What is our DAU?", ResultShape.Series,
            $"SELECT CAST({Ts} AS DATE) AS day, COUNT(DISTINCT user_id) AS active_users FROM analytics.events WHERE {Days(Ts, 30)} GROUP BY 1 ORDER BY 1" },
        { "Weekly active users over the last 4 weeks", ResultShape.Series,
            $"SELECT CAST(date_trunc('week', {Ts}) AS DATE) AS week_start, COUNT(DISTINCT user_id) AS active_users FROM analytics.events WHERE {Weeks(Ts, 4)} GROUP BY 1 ORDER BY 1" },
        { "Monthly active users for the last 2 months", ResultShape.Series,
            $"SELECT CAST(date_trunc('month', {Ts}) AS DATE) AS month_start, COUNT(DISTINCT user_id) AS active_users FROM analytics.events WHERE {Months(Ts, 2)} GROUP BY 1 ORDER BY 1" },
        { "How many active users in the last 7 days?", ResultShape.Scalar,
            $"SELECT COUNT(DISTINCT user_id) AS active_users FROM analytics.events WHERE {Days(Ts, 7)}" },
        { "Active users by country in the last 7 days", ResultShape.Table,
            $"SELECT u.country AS country, COUNT(DISTINCT e.user_id) AS active_users FROM {EventsWithUsers} WHERE {Days("e." + Ts, 7)} GROUP BY 1 ORDER BY 2 DESC, 1" },
        { "Active users in DE over the last 14 days", ResultShape.Scalar,
            $"SELECT COUNT(DISTINCT e.user_id) AS active_users FROM {EventsWithUsers} WHERE u.country = 'DE' AND {Days("e." + Ts, 14)}" },
        { "Users who did add_to_cart in the last 7 days", ResultShape.Scalar,
            $"SELECT COUNT(DISTINCT user_id) AS active_users FROM analytics.events WHERE event_name = 'add_to_cart' AND {Days(Ts, 7)}" },

        // Counts, sums and averages, per period and in total.
        { "How many orders per day over the last 14 days?", ResultShape.Series,
            $"SELECT CAST(created_at AS DATE) AS day, COUNT(*) AS orders FROM analytics.orders WHERE {Days("created_at", 14)} GROUP BY 1 ORDER BY 1" },
        { "Total revenue in the last 30 days", ResultShape.Scalar,
            $"SELECT SUM(amount) AS revenue FROM analytics.orders WHERE {Days("created_at", 30)}" },
        { "Revenue per week over the last 4 weeks", ResultShape.Series,
            $"SELECT CAST(date_trunc('week', created_at) AS DATE) AS week_start, SUM(amount) AS revenue FROM analytics.orders WHERE {Weeks("created_at", 4)} GROUP BY 1 ORDER BY 1" },
        { "Revenue trend over the last 8 weeks", ResultShape.Series,
            $"SELECT CAST(date_trunc('week', created_at) AS DATE) AS week_start, SUM(amount) AS revenue FROM analytics.orders WHERE {Weeks("created_at", 8)} GROUP BY 1 ORDER BY 1" },
        { "Average order value per month over the last 2 months", ResultShape.Series,
            $"SELECT CAST(date_trunc('month', created_at) AS DATE) AS month_start, AVG(amount) AS average_order_value FROM analytics.orders WHERE {Months("created_at", 2)} GROUP BY 1 ORDER BY 1" },
        { "What was the average order value in the last 7 days?", ResultShape.Scalar,
            $"SELECT AVG(amount) AS average_order_value FROM analytics.orders WHERE {Days("created_at", 7)}" },
        { "Max amount per day last week", ResultShape.Series,
            $"SELECT CAST(created_at AS DATE) AS day, MAX(amount) AS max_amount FROM analytics.orders WHERE {Weeks("created_at", 1)} GROUP BY 1 ORDER BY 1" },
        { "New users per day in the last 14 days", ResultShape.Series,
            $"SELECT CAST(created_at AS DATE) AS day, COUNT(*) AS new_users FROM analytics.users WHERE {Days("created_at", 14)} GROUP BY 1 ORDER BY 1" },
        { "How many new users signed up yesterday?", ResultShape.Scalar,
            $"SELECT COUNT(*) AS new_users FROM analytics.users WHERE {Days("created_at", 1)}" },
        { "How many buyers in the last 30 days?", ResultShape.Scalar,
            $"SELECT COUNT(DISTINCT user_id) AS buyers FROM analytics.orders WHERE {Days("created_at", 30)}" },
        { "Purchase events per day over the last 7 days", ResultShape.Series,
            $"SELECT CAST({Ts} AS DATE) AS day, COUNT(*) AS events FROM analytics.events WHERE event_name = 'purchase' AND {Days(Ts, 7)} GROUP BY 1 ORDER BY 1" },
        { "Events per day this week", ResultShape.Series,
            $"SELECT CAST({Ts} AS DATE) AS day, COUNT(*) AS events FROM analytics.events WHERE CAST({Ts} AS DATE) >= {Week} GROUP BY 1 ORDER BY 1" },
        { "Orders this month", ResultShape.Scalar,
            $"SELECT COUNT(*) AS orders FROM analytics.orders WHERE CAST(created_at AS DATE) >= {Month}" },

        // Top N and breakdowns by a dimension.
        { "Top 5 countries by revenue in the last 30 days", ResultShape.Table,
            $"SELECT u.country AS country, SUM(o.amount) AS revenue FROM {OrdersWithUsers} WHERE {Days("o.created_at", 30)} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 5" },
        { "Revenue by channel last month", ResultShape.Table,
            $"SELECT u.channel AS channel, SUM(o.amount) AS revenue FROM {OrdersWithUsers} WHERE {Months("o.created_at", 1)} GROUP BY 1 ORDER BY 2 DESC, 1" },
        { "Orders by status in the last 7 days", ResultShape.Table,
            $"SELECT status, COUNT(*) AS orders FROM analytics.orders WHERE {Days("created_at", 7)} GROUP BY 1 ORDER BY 2 DESC, 1" },
        { "Top 3 channels by orders in the last 14 days", ResultShape.Table,
            $"SELECT u.channel AS channel, COUNT(*) AS orders FROM {OrdersWithUsers} WHERE {Days("o.created_at", 14)} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 3" },
        { "Top 5 events in the last 7 days", ResultShape.Table,
            $"SELECT event_name, COUNT(*) AS events FROM analytics.events WHERE {Days(Ts, 7)} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 5" },
        { "Top 10 users by revenue in the last 30 days", ResultShape.Table,
            $"SELECT user_id, SUM(amount) AS revenue FROM analytics.orders WHERE {Days("created_at", 30)} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10" },
        { "Average amount by status in the last 30 days", ResultShape.Table,
            $"SELECT status, AVG(amount) AS average_amount FROM analytics.orders WHERE {Days("created_at", 30)} GROUP BY 1 ORDER BY 2 DESC, 1" },
        { "New users by channel in the last 30 days", ResultShape.Table,
            $"SELECT channel, COUNT(*) AS new_users FROM analytics.users WHERE {Days("created_at", 30)} GROUP BY 1 ORDER BY 2 DESC, 1" },
        { "Which country had the most orders yesterday?", ResultShape.Table,
            $"SELECT u.country AS country, COUNT(*) AS orders FROM {OrdersWithUsers} WHERE {Days("o.created_at", 1)} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1" },

        // Filters by status, country and channel.
        { "Completed orders in the US in the last 30 days", ResultShape.Scalar,
            $"SELECT COUNT(*) AS orders FROM {OrdersWithUsers} WHERE o.status = 'completed' AND u.country = 'US' AND {Days("o.created_at", 30)}" },
        { "Revenue from the paid_social channel in the last 14 days", ResultShape.Scalar,
            $"SELECT SUM(o.amount) AS revenue FROM {OrdersWithUsers} WHERE u.channel = 'paid_social' AND {Days("o.created_at", 14)}" },
        { "Orders with status refunded per day over the last 7 days", ResultShape.Series,
            $"SELECT CAST(created_at AS DATE) AS day, COUNT(*) AS orders FROM analytics.orders WHERE status = 'refunded' AND {Days("created_at", 7)} GROUP BY 1 ORDER BY 1" },

        // Period-over-period comparisons.
        { "Revenue this week vs last week", ResultShape.Scalar,
            Compared("SUM(amount)", "analytics.orders", "created_at", "current_revenue", "previous_revenue",
                $"CAST(created_at AS DATE) >= {Week} AND CAST(created_at AS DATE) < {{today}}",
                $"CAST(created_at AS DATE) >= {Week} - 7 AND CAST(created_at AS DATE) < {{today}} - 7") },
        { "% change in orders in the last 7 days compared to the previous 7 days", ResultShape.Scalar,
            Compared("COUNT(*)", "analytics.orders", "created_at", "current_orders", "previous_orders",
                Days("created_at", 7), "CAST(created_at AS DATE) BETWEEN {today} - 14 AND {today} - 8") },
        { "Active users last week vs the week before", ResultShape.Scalar,
            Compared("COUNT(DISTINCT user_id)", "analytics.events", Ts, "current_active_users", "previous_active_users",
                Weeks(Ts, 1), $"CAST({Ts} AS DATE) >= {Week} - 14 AND CAST({Ts} AS DATE) < {Week} - 7") },
        { "Day over day change in revenue", ResultShape.Scalar,
            Compared("SUM(amount)", "analytics.orders", "created_at", "current_revenue", "previous_revenue",
                "CAST(created_at AS DATE) = {today} - 1", "CAST(created_at AS DATE) = {today} - 2") },
        { "Revenue by country this month vs last month", ResultShape.Table,
            $$"""
            WITH t AS (
                SELECT u.country,
                    SUM(o.amount) FILTER (WHERE CAST(o.created_at AS DATE) >= {{Month}} AND CAST(o.created_at AS DATE) < {today}) AS c,
                    SUM(o.amount) FILTER (WHERE CAST(o.created_at AS DATE) >= {{Month}} - INTERVAL 1 MONTH AND CAST(o.created_at AS DATE) < {today} - INTERVAL 1 MONTH) AS p
                FROM {{OrdersWithUsers}}
                WHERE CAST(o.created_at AS DATE) >= {{Month}} - INTERVAL 1 MONTH AND CAST(o.created_at AS DATE) < {today}
                GROUP BY 1)
            SELECT country, coalesce(c, 0) AS current_revenue, coalesce(p, 0) AS previous_revenue, coalesce(c, 0) - coalesce(p, 0) AS change,
                CASE WHEN coalesce(p, 0) = 0 THEN NULL ELSE (coalesce(c, 0) - coalesce(p, 0)) / coalesce(p, 0) * 100 END AS pct_change
            FROM t ORDER BY 2 DESC, 1
            """ },

        // Funnels, conversion and retention.
        { "Funnel session_start → view_item → add_to_cart → purchase in the last 30 days", ResultShape.Table,
            $$"""
            WITH per_user AS (
                SELECT user_id, bool_or(event_name = 'session_start') AS s1, bool_or(event_name = 'view_item') AS s2,
                    bool_or(event_name = 'add_to_cart') AS s3, bool_or(event_name = 'purchase') AS s4
                FROM analytics.events WHERE {{Days(Ts, 30)}} GROUP BY user_id),
            steps AS (
                SELECT 1 AS step, 'session_start' AS event_name, count(*) FILTER (WHERE s1) AS users FROM per_user
                UNION ALL SELECT 2, 'view_item', count(*) FILTER (WHERE s1 AND s2) FROM per_user
                UNION ALL SELECT 3, 'add_to_cart', count(*) FILTER (WHERE s1 AND s2 AND s3) FROM per_user
                UNION ALL SELECT 4, 'purchase', count(*) FILTER (WHERE s1 AND s2 AND s3 AND s4) FROM per_user)
            SELECT step, event_name, users, users / first_value(users) OVER (ORDER BY step) AS share_of_first_step,
                users / lag(users) OVER (ORDER BY step) AS share_of_previous_step
            FROM steps ORDER BY step
            """ },
        { "What is the conversion rate in the last 30 days?", ResultShape.Scalar,
            $$"""
            WITH a AS (SELECT DISTINCT user_id FROM analytics.events WHERE {{Days(Ts, 30)}}),
                 b AS (SELECT DISTINCT user_id FROM analytics.orders WHERE {{Days("created_at", 30)}})
            SELECT count(*) AS active_users, count(*) FILTER (WHERE user_id IN (SELECT user_id FROM b)) AS converted_users,
                count(*) FILTER (WHERE user_id IN (SELECT user_id FROM b)) / count(*) AS conversion_rate
            FROM a
            """ },
        { "Conversion rate by channel in the last 30 days", ResultShape.Table,
            $$"""
            WITH a AS (SELECT DISTINCT e.user_id, u.channel FROM {{EventsWithUsers}} WHERE {{Days("e." + Ts, 30)}}),
                 b AS (SELECT DISTINCT user_id FROM analytics.orders WHERE {{Days("created_at", 30)}})
            SELECT channel, count(*) AS active_users, count(*) FILTER (WHERE user_id IN (SELECT user_id FROM b)) AS converted_users,
                count(*) FILTER (WHERE user_id IN (SELECT user_id FROM b)) / count(*) AS conversion_rate
            FROM a GROUP BY 1 ORDER BY 4 DESC, 1
            """ },
        { "Weekly retention", ResultShape.Scalar,
            $$"""
            WITH p AS (SELECT DISTINCT user_id FROM analytics.events WHERE CAST({{Ts}} AS DATE) >= {{Week}} - 14 AND CAST({{Ts}} AS DATE) < {{Week}} - 7),
                 l AS (SELECT DISTINCT user_id FROM analytics.events WHERE {{Weeks(Ts, 1)}})
            SELECT count(*) AS earlier_users, count(*) FILTER (WHERE user_id IN (SELECT user_id FROM l)) AS retained_users,
                count(*) FILTER (WHERE user_id IN (SELECT user_id FROM l)) / count(*) AS retention_rate
            FROM p
            """ },
    };

    [Theory]
    [MemberData(nameof(Questions))]
    public async Task Question_is_planned_validated_admitted_and_answered_as_the_tests_own_sql_answers(string question, ResultShape shape, string expectedSql)
    {
        var plan = await new DeterministicPlanner().PlanAsync(question, _demo.Catalog, [], CancellationToken.None);

        Assert.NotNull(plan);
        Assert.Equal(DeterministicPlanner.Name, plan.Planner);
        Assert.Equal(shape, plan.ExpectedShape);
        var step = Assert.Single(plan.Steps);
        Assert.Equal("execute_query", step.Tool);
        Assert.Empty(PlanValidator.Validate(plan, _demo.Catalog));

        var decision = SqlGate.Evaluate(step.Sql, _demo.Gate);
        Assert.True(decision.Allowed, string.Join(" | ", decision.Reasons));
        Assert.Empty(decision.Reasons);

        using var answers = new DemoAnswers(_demo.Path);
        var (actual, expected) = answers.Run(decision.Print(SqlDialect.DuckDb)!, expectedSql);
        Assert.True(expected.Rows.Count > 0 || question.Contains("this ", StringComparison.Ordinal), $"The test's own query found nothing for: {question}");
        AssertSameAnswer(expected, actual, step.Sql);
    }

    internal static void AssertSameAnswer(ResultTable expected, ResultTable actual, string sql)
    {
        var context = $"\nexpected {expected}\nactual   {actual}\nplan SQL:\n{sql}";
        Assert.True(expected.Columns.SequenceEqual(actual.Columns, StringComparer.OrdinalIgnoreCase), "Columns differ." + context);
        Assert.True(expected.Rows.Count == actual.Rows.Count, "Row counts differ." + context);
        for (var r = 0; r < expected.Rows.Count; r++)
        {
            for (var c = 0; c < expected.Columns.Count; c++)
            {
                Assert.True(Same(expected.Rows[r][c], actual.Rows[r][c]), $"Row {r}, column {expected.Columns[c]} differs." + context);
            }
        }
    }

    internal static bool Same(object? expected, object? actual) => (expected, actual) switch
    {
        (null, null) => true,
        (double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b))),
        _ => Equals(expected, actual),
    };

    // The n complete days before today.
    internal static string Days(string column, int n) =>
        string.Create(CultureInfo.InvariantCulture, $"CAST({column} AS DATE) BETWEEN {{today}} - {n} AND {{today}} - 1");

    // The n complete Monday-to-Sunday weeks before this one.
    internal static string Weeks(string column, int n) =>
        string.Create(CultureInfo.InvariantCulture, $"CAST({column} AS DATE) >= {Week} - {7 * n} AND CAST({column} AS DATE) < {Week}");

    // The n complete calendar months before this one.
    internal static string Months(string column, int n) =>
        string.Create(CultureInfo.InvariantCulture, $"CAST({column} AS DATE) >= {Month} - INTERVAL {n} MONTH AND CAST({column} AS DATE) < {Month}");

    private static string Compared(string aggregate, string table, string column, string current, string previous, string currentWindow, string previousWindow) => $$"""
        WITH t AS (
            SELECT coalesce({{aggregate}} FILTER (WHERE {{currentWindow}}), 0) AS c, coalesce({{aggregate}} FILTER (WHERE {{previousWindow}}), 0) AS p
            FROM {{table}} WHERE CAST({{column}} AS DATE) >= {today} - 60)
        SELECT c AS {{current}}, p AS {{previous}}, c - p AS change, CASE WHEN p = 0 THEN NULL ELSE (c - p) / p * 100 END AS pct_change FROM t
        """;
}
