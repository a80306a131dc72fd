using System.Globalization;
using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Agent.Planning;

/// <summary>The bank's questions that name dates, made from the day the demo data was generated for.</summary>
internal static partial class QuestionBank
{
    // Dates, months, quarters and years the question names, made from the day the demo data was generated for, so the
    // same questions fall inside (or outside) its 90 days of orders and events and 730 days of users on any day.
    private static IEnumerable<(string Question, string TruthSql)> Dates()
    {
        var today = SharedDemoWarehouse.Today;
        var lastMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var twoMonthsAgo = lastMonth.AddMonths(-1);
        var quarter = QuarterStart(today);
        var signups = QuarterStart(today.AddDays(-400));
        yield return ($"Revenue in {Month(lastMonth)} {lastMonth.Year}",
            $"SELECT SUM(amount) AS revenue FROM analytics.orders WHERE {Between("created_at", lastMonth, lastMonth.AddMonths(1))}");
        yield return ($"Orders in {Month(twoMonthsAgo)}",
            $"SELECT COUNT(*) AS orders FROM analytics.orders WHERE {Between("created_at", twoMonthsAgo, twoMonthsAgo.AddMonths(1))}");
        yield return ($"Orders on {Iso(today.AddDays(-10))}",
            $"SELECT COUNT(*) AS orders FROM analytics.orders WHERE {Between("created_at", today.AddDays(-10), today.AddDays(-9))}");
        yield return ($"Average order value on {Iso(today.AddDays(-3))}",
            $"SELECT AVG(amount) AS average_order_value FROM analytics.orders WHERE {Between("created_at", today.AddDays(-3), today.AddDays(-2))}");
        yield return ($"Revenue between {Iso(today.AddDays(-30))} and {Iso(today.AddDays(-16))}",
            $"SELECT SUM(amount) AS revenue FROM analytics.orders WHERE {Between("created_at", today.AddDays(-30), today.AddDays(-15))}");
        yield return ($"Orders since {Iso(today.AddDays(-20))}",
            $"SELECT COUNT(*) AS orders FROM analytics.orders WHERE CAST(created_at AS DATE) >= DATE '{Iso(today.AddDays(-20))}'");
        yield return ($"Signups in Q{(signups.Month + 2) / 3} {signups.Year}",
            $"SELECT COUNT(*) AS new_users FROM analytics.users WHERE {Between("created_at", signups, signups.AddMonths(3))}");
        yield return ($"New users in {today.Year - 1}",
            $"SELECT COUNT(*) AS new_users FROM analytics.users WHERE {Between("created_at", new DateOnly(today.Year - 1, 1, 1), new DateOnly(today.Year, 1, 1))}");
        yield return ("Revenue last quarter",
            $"SELECT SUM(amount) AS revenue FROM analytics.orders WHERE {Between("created_at", quarter.AddMonths(-3), quarter)}");
        yield return ("Orders this quarter", $"SELECT COUNT(*) AS orders FROM analytics.orders WHERE CAST(created_at AS DATE) >= DATE '{Iso(quarter)}'");
        yield return ($"Revenue by channel in {Month(lastMonth)} {lastMonth.Year}",
            $"SELECT u.channel AS channel, SUM(o.amount) AS revenue FROM {OrdersWithUsers} WHERE {Between("o.created_at", lastMonth, lastMonth.AddMonths(1))} GROUP BY 1 ORDER BY 2 DESC, 1");
        yield return ($"Orders per day in {Month(lastMonth)} {lastMonth.Year}",
            $"SELECT CAST(created_at AS DATE) AS day, COUNT(*) AS orders FROM analytics.orders WHERE {Between("created_at", lastMonth, lastMonth.AddMonths(1))} GROUP BY 1 ORDER BY 1");
        yield return ($"Refunded orders in {Month(lastMonth)[..3]} {lastMonth.Year}",
            $"SELECT COUNT(*) AS orders FROM analytics.orders WHERE status = 'refunded' AND {Between("created_at", lastMonth, lastMonth.AddMonths(1))}");
    }

    /// <summary>Questions about dates the demo data does not cover (before it, or in the future), or that are no dates.</summary>
    public static IEnumerable<string> UncoveredDates()
    {
        var today = SharedDemoWarehouse.Today;
        var before = today.AddDays(-150);
        yield return $"Revenue in {Month(before)} {before.Year}";
        yield return $"Orders on {Iso(today.AddDays(-200))}";
        yield return $"Revenue between {Iso(today.AddDays(-300))} and {Iso(today.AddDays(-200))}";
        yield return $"Revenue in Q1 {today.Year + 1}";
        yield return $"Signups in {today.Year - 5}";
        yield return $"Orders in {Month(today.AddMonths(1))} {today.AddMonths(1).Year}";
        yield return "Orders on 2026-02-30";
        yield return $"Revenue in {Month(today.AddMonths(-1))} vs {Month(today.AddMonths(-2))}";
    }

    private static string Between(string column, DateOnly start, DateOnly end) => $"CAST({column} AS DATE) >= DATE '{Iso(start)}' AND CAST({column} AS DATE) < DATE '{Iso(end)}'";

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Month(DateOnly day) => day.ToString("MMMM", CultureInfo.InvariantCulture);

    private static DateOnly QuarterStart(DateOnly day) => new(day.Year, ((day.Month - 1) / 3 * 3) + 1, 1);
}
