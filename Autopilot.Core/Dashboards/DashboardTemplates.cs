using Autopilot.Core.Agent;
using Autopilot.Core.Agent.Planning;

namespace Autopilot.Core.Dashboards;

/// <summary>
/// Chooses the dashboards a catalog supports and writes their cards' SQL from the roles the agent planner derives (the
/// event table and its user column, the transactions table and its amount, their dimensions) — never from table names
/// fixed in code. Exec Overview always (with what the catalog has), Revenue and Volume when a transactions-like table
/// exists, Data Health for every table with a time column (DASH-11's separate dashboards).
/// </summary>
public static class DashboardTemplates
{
    public const string ExecOverview = "exec_overview";
    public const string RevenueVolume = "revenue_volume";
    public const string DataHealth = "data_health";

    /// <summary>Days of daily series a build computes; the pages' date filter narrows within them (default 14).</summary>
    public const int SeriesDays = 90;

    /// <summary>Tables a Data Health dashboard draws at most (the largest first).</summary>
    public const int MaxHealthTables = 8;

    public static IReadOnlyList<DashboardSpec> For(AgentCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var roles = CatalogRoles.Find(catalog);
        var dashboards = new List<DashboardSpec> { new(ExecOverview, "Exec Overview", ExecCards(roles)) };
        if (RevenueCards(roles) is { Count: > 0 } revenue)
        {
            dashboards.Add(new DashboardSpec(RevenueVolume, "Revenue and Volume", revenue));
        }

        if (HealthCards(catalog, roles) is { Count: > 0 } health)
        {
            dashboards.Add(new DashboardSpec(DataHealth, "Data Health", health));
        }

        return dashboards;
    }

    private static List<DashboardCardSpec> ExecCards(CatalogRoles roles)
    {
        var cards = new List<DashboardCardSpec>();
        var activity = roles.Events ?? roles.Transactions;
        if (activity is not null && roles.EntityIdIn(activity) is { } user)
        {
            var users = $"COUNT(DISTINCT {activity.Ref(user)})";
            cards.Add(new("dau_trend", "Daily active users", CardWidth.Full, 8, "line",
                Daily(activity, users, "dau"), $"Distinct {user} per day in {activity.Display}, last {SeriesDays} days"));
            cards.Add(new("wau", "Weekly active users", CardWidth.Half, 4, "scalar",
                Scalar(activity, users, "wau", TimeWindow.LastDays(7)), $"Distinct {user} in {activity.Display} over the last 7 complete days"));
            cards.Add(new("mau", "Monthly active users", CardWidth.Half, 4, "scalar",
                Scalar(activity, users, "mau", TimeWindow.LastDays(30)), $"Distinct {user} in {activity.Display} over the last 30 complete days"));
        }

        if (roles.Transactions is { } orders && roles.Amount is { } amount)
        {
            cards.Add(new("daily_revenue", "Daily revenue", CardWidth.Full, 8, "line",
                Daily(orders, $"SUM({orders.Ref(amount)})", "revenue"), $"Sum of {amount} per day in {orders.Display}, last {SeriesDays} days"));
        }

        return cards;
    }

    private static List<DashboardCardSpec> RevenueCards(CatalogRoles roles)
    {
        if (roles.Transactions is not { } orders || roles.Amount is not { } amount)
        {
            return [];
        }

        var cards = new List<DashboardCardSpec>
        {
            new("daily_orders", "Orders per day", CardWidth.Full, 8, "line", Daily(orders, "COUNT(*)", "orders"), $"Rows per day in {orders.Display}, last {SeriesDays} days"),
            new("average_order_value", "Average order value (30 days)", CardWidth.Half, 4, "scalar",
                Scalar(orders, $"AVG({orders.Ref(amount)})", "average_order_value", TimeWindow.LastDays(30)), $"Average {amount} in {orders.Display} over the last 30 complete days"),
            new("revenue_30d", "Revenue (30 days)", CardWidth.Half, 4, "scalar",
                Scalar(orders, $"SUM({orders.Ref(amount)})", "revenue", TimeWindow.LastDays(30)), $"Sum of {amount} in {orders.Display} over the last 30 complete days"),
        };
        var dimension = roles.Status is { } status ? orders.Column(status) : CatalogRoles.Dimensions(orders).FirstOrDefault();
        if (dimension is not null)
        {
            var name = dimension.Column;
            cards.Add(new($"revenue_by_{name}", $"Revenue by {name} (30 days)", CardWidth.Full, 6, "bar",
                ByDimension(orders, name, $"SUM({orders.Ref(amount)})", "revenue"), $"Sum of {amount} per {name} in {orders.Display} over the last 30 complete days"));
        }

        return cards;
    }

    private static List<DashboardCardSpec> HealthCards(AgentCatalog catalog, CatalogRoles roles)
    {
        var known = roles.Tables.ToDictionary(t => t.Display, StringComparer.OrdinalIgnoreCase);
        return catalog.Tables
            .Where(t => (t.PartitionColumn ?? t.TimeColumn) is not null)
            .OrderByDescending(t => t.RowCount)
            .ThenBy(t => $"{t.Dataset}.{t.Table}", StringComparer.Ordinal)
            .Take(MaxHealthTables)
            .Select(t => known.TryGetValue($"{t.Dataset}.{t.Table}", out var plan)
                ? plan
                : new PlanTable(t, catalog.ColumnsOf(t.Dataset, t.Table).ToList(), "t"))
            .Where(t => t.TimeColumn is not null && t.Column(t.TimeColumn) is not null)
            .Select(t => new DashboardCardSpec($"rows_{t.Table.Dataset}_{t.Name}", $"Rows per day: {t.Display}", CardWidth.Half, 5, "line",
                Daily(t, "COUNT(*)", "row_count"), $"Rows per day of {t.Display} by {t.TimeColumn}, last {SeriesDays} days; a gap is a day with no rows"))
            .ToList();
    }

    private static string Daily(PlanTable table, string measure, string alias) =>
        $"SELECT {table.DateOf()} AS day, {measure} AS {alias} FROM {table.Sql} AS {table.Alias} " +
        $"WHERE {table.InWindow(TimeWindow.LastDays(SeriesDays))} GROUP BY day ORDER BY day";

    private static string Scalar(PlanTable table, string measure, string alias, TimeWindow window) =>
        $"SELECT {measure} AS {alias} FROM {table.Sql} AS {table.Alias} WHERE {table.InWindow(window)}";

    private static string ByDimension(PlanTable table, string column, string measure, string alias) =>
        $"SELECT {table.Ref(column)} AS {PlanSql.Name(column)}, {measure} AS {alias} FROM {table.Sql} AS {table.Alias} " +
        $"WHERE {table.InWindow(TimeWindow.LastDays(30))} GROUP BY {PlanSql.Name(column)} ORDER BY {alias} DESC LIMIT 20";
}
