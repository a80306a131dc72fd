using static Autopilot.Tests.Agent.Planning.PlannerAnswerTests;

namespace Autopilot.Tests.Agent.Planning;

/// <summary>
/// Everyday questions over the demo warehouse beyond <see cref="PlannerAnswerTests.Questions"/>, each with the SQL a
/// person wrote by hand to answer it (run on DuckDB), and questions the planner must ask about or refuse — never answer.
/// </summary>
internal static partial class QuestionBank
{
    private const string Ts = "\"timestamp\"";
    private const string OrdersWithUsers = "analytics.orders o JOIN analytics.users u ON u.user_id = o.user_id";
    private const string EventsWithUsers = "analytics.events e JOIN analytics.users u ON u.user_id = e.user_id";

    public static IEnumerable<(string Question, string TruthSql)> Answered()
    {
        // Statuses, as the data spells them.
        foreach (var status in new[] { "completed", "shipped", "pending", "cancelled", "refunded", "failed" })
        {
            yield return ($"How many {status} orders in the last 7 days?",
                $"SELECT COUNT(*) AS orders FROM analytics.orders WHERE status = '{status}' AND {Days("created_at", 7)}");
        }

        // Channels, named with spaces for underscores.
        foreach (var channel in new[] { "organic_search", "paid_social", "direct", "referral", "email", "paid_search" })
        {
            yield return ($"Total revenue from {channel.Replace('_', ' ')} users in the last 30 days",
                $"SELECT SUM(o.amount) AS revenue FROM {OrdersWithUsers} WHERE u.channel = '{channel}' AND {Days("o.created_at", 30)}");
        }

        foreach (var country in new[] { "GB", "DE", "FR", "JP", "NL" })
        {
            yield return ($"Orders in {country} in the last 14 days",
                $"SELECT COUNT(*) AS orders FROM {OrdersWithUsers} WHERE u.country = '{country}' AND {Days("o.created_at", 14)}");
        }

        foreach (var name in new[] { "page_view", "session_start", "click", "search", "view_item", "begin_checkout", "sign_out", "error" })
        {
            yield return ($"How many {name.Replace('_', ' ')} events yesterday?",
                $"SELECT COUNT(*) AS events FROM analytics.events WHERE event_name = '{name}' AND {Days(Ts, 1)}");
        }

        // All-time questions about people: every user, not the active ones.
        yield return ("Number of users by country", "SELECT country, COUNT(*) AS users FROM analytics.users GROUP BY 1 ORDER BY 2 DESC, 1");
        yield return ("How many users do we have?", "SELECT COUNT(*) AS users FROM analytics.users");
        yield return ("Users by channel", "SELECT channel, COUNT(*) AS users FROM analytics.users GROUP BY 1 ORDER BY 2 DESC, 1");
        yield return ("How many users in DE?", "SELECT COUNT(*) AS users FROM analytics.users WHERE country = 'DE'");
        yield return ("Number of users from paid social", "SELECT COUNT(*) AS users FROM analytics.users WHERE channel = 'paid_social'");
        yield return ("Top 3 countries by users", "SELECT country, COUNT(*) AS users FROM analytics.users GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 3");

        // Medians, percentiles, extremes.
        yield return ("Median order amount over the last 30 days",
            $"SELECT quantile_disc(amount, 0.5) AS median_amount FROM analytics.orders WHERE {Days("created_at", 30)}");
        yield return ("What was the largest order in the last 30 days?",
            $"SELECT MAX(amount) AS max_amount FROM analytics.orders WHERE {Days("created_at", 30)}");
        yield return ("Smallest order yesterday", $"SELECT MIN(amount) AS min_amount FROM analytics.orders WHERE {Days("created_at", 1)}");
        yield return ("p90 amount in the last 7 days", $"SELECT quantile_disc(amount, 0.9) AS p90_amount FROM analytics.orders WHERE {Days("created_at", 7)}");
        yield return ("95th percentile order amount last week", $"SELECT quantile_disc(amount, 0.95) AS p95_amount FROM analytics.orders WHERE {Weeks("created_at", 1)}");
        yield return ("Median amount by status in the last 30 days",
            $"SELECT status, quantile_disc(amount, 0.5) AS median_amount FROM analytics.orders WHERE {Days("created_at", 30)} GROUP BY 1 ORDER BY 2 DESC, 1");
        yield return ("Median order amount from email users in the last 30 days",
            $"SELECT quantile_disc(o.amount, 0.5) AS median_amount FROM {OrdersWithUsers} WHERE u.channel = 'email' AND {Days("o.created_at", 30)}");

        // Percentages of rows.
        yield return ("What percentage of orders were refunded in the last 30 days?",
            $"SELECT COUNT(*) FILTER (WHERE status = 'refunded') * 100.0 / COUNT(*) AS pct_of_orders FROM analytics.orders WHERE {Days("created_at", 30)}");
        yield return ("Share of orders cancelled by country last month",
            $"SELECT u.country AS country, COUNT(*) FILTER (WHERE o.status = 'cancelled') * 100.0 / COUNT(*) AS pct_of_orders FROM {OrdersWithUsers} WHERE {Months("o.created_at", 1)} GROUP BY 1 ORDER BY 2 DESC, 1");
        yield return ("Percentage of failed orders in the last 7 days",
            $"SELECT COUNT(*) FILTER (WHERE status = 'failed') * 100.0 / COUNT(*) AS pct_of_orders FROM analytics.orders WHERE {Days("created_at", 7)}");
        yield return ("What share of events were purchase events yesterday?",
            $"SELECT COUNT(*) FILTER (WHERE event_name = 'purchase') * 100.0 / COUNT(*) AS pct_of_events FROM analytics.events WHERE {Days(Ts, 1)}");

        // Filters with splits, several values, exclusions.
        yield return ("Revenue by country from paid social users in the last 7 days",
            $"SELECT u.country AS country, SUM(o.amount) AS revenue FROM {OrdersWithUsers} WHERE u.channel = 'paid_social' AND {Days("o.created_at", 7)} GROUP BY 1 ORDER BY 2 DESC, 1");
        yield return ("Orders by status in DE in the last 30 days",
            $"SELECT o.status AS status, COUNT(*) AS orders FROM {OrdersWithUsers} WHERE u.country = 'DE' AND {Days("o.created_at", 30)} GROUP BY 1 ORDER BY 2 DESC, 1");
        yield return ("Completed or shipped orders in the last 7 days",
            $"SELECT COUNT(*) AS orders FROM analytics.orders WHERE status IN ('completed', 'shipped') AND {Days("created_at", 7)}");
        yield return ("Orders not cancelled in the last 7 days",
            $"SELECT COUNT(*) AS orders FROM analytics.orders WHERE status <> 'cancelled' AND {Days("created_at", 7)}");
        yield return ("Active users from email in the last 7 days",
            $"SELECT COUNT(DISTINCT e.user_id) AS active_users FROM {EventsWithUsers} WHERE u.channel = 'email' AND {Days("e." + Ts, 7)}");
        yield return ("New users from referral in the last 30 days",
            $"SELECT COUNT(*) AS new_users FROM analytics.users WHERE channel = 'referral' AND {Days("created_at", 30)}");
        yield return ("Top 3 countries by orders from paid search users in the last 30 days",
            $"SELECT u.country AS country, COUNT(*) AS orders FROM {OrdersWithUsers} WHERE u.channel = 'paid_search' AND {Days("o.created_at", 30)} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 3");
        yield return ("Revenue from completed orders in the US last week",
            $"SELECT SUM(o.amount) AS revenue FROM {OrdersWithUsers} WHERE o.status = 'completed' AND u.country = 'US' AND {Weeks("o.created_at", 1)}");
        yield return ("Refunded orders per day over the last 7 days",
            $"SELECT CAST(created_at AS DATE) AS day, COUNT(*) AS orders FROM analytics.orders WHERE status = 'refunded' AND {Days("created_at", 7)} GROUP BY 1 ORDER BY 1");
        yield return ("Add to cart events per day over the last 7 days",
            $"SELECT CAST({Ts} AS DATE) AS day, COUNT(*) AS events FROM analytics.events WHERE event_name = 'add_to_cart' AND {Days(Ts, 7)} GROUP BY 1 ORDER BY 1");
        yield return ("Buyers from CA in the last 30 days",
            $"SELECT COUNT(DISTINCT o.user_id) AS buyers FROM {OrdersWithUsers} WHERE u.country = 'CA' AND {Days("o.created_at", 30)}");

        // Windows.
        yield return ("Revenue yesterday", $"SELECT SUM(amount) AS revenue FROM analytics.orders WHERE {Days("created_at", 1)}");
        yield return ("Orders last week", $"SELECT COUNT(*) AS orders FROM analytics.orders WHERE {Weeks("created_at", 1)}");
        yield return ("Revenue last month", $"SELECT SUM(amount) AS revenue FROM analytics.orders WHERE {Months("created_at", 1)}");
        yield return ("Average order value last month", $"SELECT AVG(amount) AS average_order_value FROM analytics.orders WHERE {Months("created_at", 1)}");
        yield return ("Buyers in the last 7 days", $"SELECT COUNT(DISTINCT user_id) AS buyers FROM analytics.orders WHERE {Days("created_at", 7)}");
        yield return ("New users last week", $"SELECT COUNT(*) AS new_users FROM analytics.users WHERE {Weeks("created_at", 1)}");
        yield return ("Events in the last 3 days", $"SELECT COUNT(*) AS events FROM analytics.events WHERE {Days(Ts, 3)}");
        yield return ("Total revenue over the past 60 days", $"SELECT SUM(amount) AS revenue FROM analytics.orders WHERE {Days("created_at", 60)}");
        yield return ("Active users over the last 2 weeks",
            $"SELECT COUNT(DISTINCT user_id) AS active_users FROM analytics.events WHERE {Weeks(Ts, 2)}");

        // Splits and rankings.
        yield return ("Revenue by status in the last 14 days",
            $"SELECT status, SUM(amount) AS revenue FROM analytics.orders WHERE {Days("created_at", 14)} GROUP BY 1 ORDER BY 2 DESC, 1");
        yield return ("Average amount by country in the last 30 days",
            $"SELECT u.country AS country, AVG(o.amount) AS average_amount FROM {OrdersWithUsers} WHERE {Days("o.created_at", 30)} GROUP BY 1 ORDER BY 2 DESC, 1");
        yield return ("Buyers by channel last month",
            $"SELECT u.channel AS channel, COUNT(DISTINCT o.user_id) AS buyers FROM {OrdersWithUsers} WHERE {Months("o.created_at", 1)} GROUP BY 1 ORDER BY 2 DESC, 1");
        yield return ("Bottom 3 countries by revenue in the last 30 days",
            $"SELECT u.country AS country, SUM(o.amount) AS revenue FROM {OrdersWithUsers} WHERE {Days("o.created_at", 30)} GROUP BY 1 ORDER BY 2 ASC, 1 LIMIT 3");
        yield return ("Events by event name in the last 7 days",
            $"SELECT event_name, COUNT(*) AS events FROM analytics.events WHERE {Days(Ts, 7)} GROUP BY 1 ORDER BY 2 DESC, 1");
        yield return ("Active users by channel in the last 30 days",
            $"SELECT u.channel AS channel, COUNT(DISTINCT e.user_id) AS active_users FROM {EventsWithUsers} WHERE {Days("e." + Ts, 30)} GROUP BY 1 ORDER BY 2 DESC, 1");
        yield return ("Top 5 countries by revenue from refunded orders in the last 30 days",
            $"SELECT u.country AS country, SUM(o.amount) AS revenue FROM {OrdersWithUsers} WHERE o.status = 'refunded' AND {Days("o.created_at", 30)} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 5");
        yield return ("Which channel had the most revenue last week?",
            $"SELECT u.channel AS channel, SUM(o.amount) AS revenue FROM {OrdersWithUsers} WHERE {Weeks("o.created_at", 1)} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1");

        // People by what they lack: "never", "without", "no" (an anti-join), all the people unless the question filters them.
        foreach (var row in Without().Concat(PerEntity()).Concat(Dates()).Concat(TwoSplits()))
        {
            yield return row;
        }
    }

    // A measure per person, then averaged over the people with rows in the window; the total and their number beside it.
    internal static IEnumerable<(string Question, string TruthSql)> PerEntity()
    {
        static string PerUser(string value, string from, string where, string people, string average, bool total = true) =>
            $"WITH p AS (SELECT user_id, {value} AS v FROM {from} WHERE {where} GROUP BY user_id) "
            + $"SELECT {(total ? $"SUM(v) AS total_{average.Split("_per_")[0].Replace("average_", string.Empty)}, " : string.Empty)}COUNT(*) AS {people}, AVG(v) AS {average} FROM p";

        yield return ("Average number of events per active user in the last 7 days",
            PerUser("COUNT(*)", "analytics.events", Days(Ts, 7), "active_users", "average_events_per_active_user"));
        yield return ("Average number of events per active user in the last 30 days",
            PerUser("COUNT(*)", "analytics.events", Days(Ts, 30), "active_users", "average_events_per_active_user"));
        yield return ("Events per user yesterday", PerUser("COUNT(*)", "analytics.events", Days(Ts, 1), "users", "average_events_per_user"));
        yield return ("Orders per user", PerUser("COUNT(*)", "analytics.orders", Days("created_at", 30), "users", "average_orders_per_user"));
        yield return ("Average orders per customer last month",
            PerUser("COUNT(*)", "analytics.orders", Months("created_at", 1), "customers", "average_orders_per_customer"));
        yield return ("Average order value per customer in the last 30 days",
            PerUser("AVG(amount)", "analytics.orders", Days("created_at", 30), "customers", "average_order_value_per_customer", total: false));
        yield return ("Revenue per buyer last week", PerUser("SUM(amount)", "analytics.orders", Weeks("created_at", 1), "buyers", "average_revenue_per_buyer"));
        yield return ("Purchase events per active user in the last 14 days",
            PerUser("COUNT(*)", "analytics.events", $"event_name = 'purchase' AND {Days(Ts, 14)}", "active_users", "average_events_per_active_user"));
        yield return ("Completed orders per customer in the last 30 days",
            PerUser("COUNT(*)", "analytics.orders", $"status = 'completed' AND {Days("created_at", 30)}", "customers", "average_orders_per_customer"));
        yield return ("Orders per user by country in the last 30 days",
            $"WITH p AS (SELECT o.user_id, u.country, COUNT(*) AS v FROM {OrdersWithUsers} WHERE {Days("o.created_at", 30)} GROUP BY 1, 2) "
            + "SELECT country, SUM(v) AS total_orders, COUNT(*) AS users, AVG(v) AS average_orders_per_user FROM p GROUP BY 1 ORDER BY 4 DESC, 1");
    }

    // Two splits at once: every (first, second) pair, ordered by the measure and then by both.
    internal static IEnumerable<(string Question, string TruthSql)> TwoSplits()
    {
        yield return ("Revenue by channel and country in the last 30 days",
            $"SELECT u.channel AS channel, u.country AS country, SUM(o.amount) AS revenue FROM {OrdersWithUsers} WHERE {Days("o.created_at", 30)} GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2");
        yield return ("Revenue by country and channel",
            $"SELECT u.country AS country, u.channel AS channel, SUM(o.amount) AS revenue FROM {OrdersWithUsers} WHERE {Days("o.created_at", 30)} GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2");
        yield return ("Orders by status and country last week",
            $"SELECT o.status AS status, u.country AS country, COUNT(*) AS orders FROM {OrdersWithUsers} WHERE {Weeks("o.created_at", 1)} GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2");
        yield return ("Orders by status by channel yesterday",
            $"SELECT o.status AS status, u.channel AS channel, COUNT(*) AS orders FROM {OrdersWithUsers} WHERE {Days("o.created_at", 1)} GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2");
        yield return ("Users by country and channel", "SELECT country, channel, COUNT(*) AS users FROM analytics.users GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2");
        yield return ("Active users by channel and country in the last 7 days",
            $"SELECT u.channel AS channel, u.country AS country, COUNT(DISTINCT e.user_id) AS active_users FROM {EventsWithUsers} WHERE {Days("e." + Ts, 7)} GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2");
        yield return ("New users by channel and country last month",
            $"SELECT channel, country, COUNT(*) AS new_users FROM analytics.users WHERE {Months("created_at", 1)} GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2");
        yield return ("Completed orders by country and channel in the last 7 days",
            $"SELECT u.country AS country, u.channel AS channel, COUNT(*) AS orders FROM {OrdersWithUsers} WHERE o.status = 'completed' AND {Days("o.created_at", 7)} GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2");
        yield return ("Orders by status by month",
            $"SELECT CAST(date_trunc('month', created_at) AS DATE) AS month_start, status, COUNT(*) AS orders FROM analytics.orders WHERE {Months("created_at", 3)} GROUP BY 1, 2 ORDER BY 1, 2");
    }

    private static IEnumerable<(string Question, string TruthSql)> Without()
    {
        const string NoOrder = "NOT EXISTS (SELECT 1 FROM analytics.orders o WHERE o.user_id = u.user_id";
        const string NoEvent = "NOT EXISTS (SELECT 1 FROM analytics.events e WHERE e.user_id = u.user_id";
        yield return ("How many users have never placed an order?", $"SELECT COUNT(*) AS users FROM analytics.users u WHERE {NoOrder})");
        yield return ("Users without orders", $"SELECT COUNT(*) AS users FROM analytics.users u WHERE {NoOrder})");
        yield return ("Customers who never ordered", $"SELECT COUNT(*) AS users FROM analytics.users u WHERE {NoOrder})");
        yield return ("Users who never purchased in the last 30 days",
            $"SELECT COUNT(*) AS users FROM analytics.users u WHERE {NoOrder} AND {Days("o.created_at", 30)})");
        yield return ("Users without events in the last 7 days",
            $"SELECT COUNT(*) AS users FROM analytics.users u WHERE {NoEvent} AND {Days("e." + Ts, 7)})");
        yield return ("How many users had no activity last week?",
            $"SELECT COUNT(*) AS users FROM analytics.users u WHERE {NoEvent} AND {Weeks("e." + Ts, 1)})");
        yield return ("Users with no purchase events in the last 30 days",
            $"SELECT COUNT(*) AS users FROM analytics.users u WHERE {NoEvent} AND e.event_name = 'purchase' AND {Days("e." + Ts, 30)})");
        yield return ("Users who never placed a completed order",
            $"SELECT COUNT(*) AS users FROM analytics.users u WHERE {NoOrder} AND o.status = 'completed')");
        yield return ("Users from paid social who never placed an order",
            $"SELECT COUNT(*) AS users FROM analytics.users u WHERE u.channel = 'paid_social' AND {NoOrder})");
        yield return ("Users by country who never placed an order",
            $"SELECT country, COUNT(*) AS users FROM analytics.users u WHERE {NoOrder}) GROUP BY 1 ORDER BY 2 DESC, 1");
        yield return ("Users in DE without orders in the last 14 days",
            $"SELECT COUNT(*) AS users FROM analytics.users u WHERE u.country = 'DE' AND {NoOrder} AND {Days("o.created_at", 14)})");
    }

    /// <summary>Questions with a word no plan can use, a value the data does not hold, or no single reading: never a query_result.</summary>
    public static IReadOnlyList<string> NotAnswered { get; } = [.. Fixed(), .. UncoveredDates()];

    private static IReadOnlyList<string> Fixed() =>
    [
        // Values the data does not hold.
        "How many paid orders last week?",
        "Settled orders yesterday",
        "Returned orders in the last 30 days",
        "Delivered orders last week",
        "Revenue from tiktok users in the last 30 days",
        "Orders from affiliate users last week",
        "Orders in MX in the last 7 days",
        "Revenue from users in ES last month",
        "How many login events yesterday?",
        "How many checkout events last week?",
        "Revenue from paid socail users in the last 30 days",
        "Orders with status lost in the last 7 days",

        // Measures the planner does not have.
        "Median session length last week",
        "Revenue per session in the last 7 days",
        "Churn rate last month",
        "Lifetime value of users",
        "Cart abandonment rate yesterday",
        "Bounce rate yesterday",
        "Average time on site last week",
        "Orders with a coupon last week",
        "Orders over 100 dollars last week",
        "Revenue in euros last month",
        "Refund amount last week",
        "Profit by country last month",

        // Negations of what no table holds, or of rows rather than people.
        "Users who never logged in",
        "Users without a login event",
        "Orders that never shipped",
        "Users who never churned",
        "Users without orders per day",

        // Per-entity averages, dates and groupings not read yet.
        "Orders per active user in the last 7 days",
        "Events per paying user last week",
        "Revenue per user per day",
        "Average events per session last week",
        "Revenue per quarter",
        "Quarterly revenue",
        "Top 5 countries by revenue by channel",
        "Revenue by country and channel and status",
        "Revenue by country and channel this week vs last week",
        "Orders per user by status and country",
        "Orders in the last 24 hours",

        // No subject, or not a read of the data.
        "How many in the last 7 days?",
        "Top 5 last week",
        "Why did revenue drop last week?",
        "Forecast revenue for next month",
        "Delete all users",
        "What's the weather in Paris?",
        "What is the status of orders?",
        "Show me the funnel",
        "Funnel login → checkout → purchase in the last 30 days",
    ];
}
