using System.Globalization;
using Autopilot.Core.Agent;
using Autopilot.Core.Agent.Planning;

namespace Autopilot.Core.Memos;

/// <summary>
/// Chooses the memo's KPIs from the catalog roles the agent planner derives — never from table names fixed in code:
/// active users (distinct users of the event-like table over each 7-day window), and where a transactions-like table
/// exists, revenue (the sum of its amount) and its row count (orders). Each KPI's SQL compares both windows in one
/// query, bounded by the windows' local midnights so the warehouse can prune partitions.
/// </summary>
public static class MemoKpis
{
    public const string ActiveUsers = "Active users";
    public const string Revenue = "Revenue";

    /// <summary>Dimensions a KPI is split by at most.</summary>
    public const int MaxDimensions = 4;

    public static MemoPlan For(AgentCatalog catalog, MemoWindows windows)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(windows);
        var roles = CatalogRoles.Find(catalog);
        var kpis = new List<MemoKpiSpec>();
        var activity = roles.Events ?? roles.Transactions;
        if (activity?.TimeColumn is not null && roles.EntityIdIn(activity) is { } user)
        {
            var sql = new MemoSql(activity, windows);
            var id = activity.Ref(user);
            kpis.Add(Kpi(ActiveUsers,
                $"Distinct {user} in {activity.Display} over each 7-day window (not an average of daily counts); the daily series counts distinct {user} per day",
                0, sql, roles, day => $"COUNT(DISTINCT CASE WHEN {day} THEN {id} END)", $"COUNT(DISTINCT {id})"));
        }

        if (roles.Transactions is { TimeColumn: not null } orders)
        {
            var sql = new MemoSql(orders, windows);
            if (roles.Amount is { } amount)
            {
                var value = orders.Ref(amount);
                kpis.Add(Kpi(Revenue, $"Sum of {amount} in {orders.Display} over each 7-day window", 2, sql, roles,
                    day => $"SUM(CASE WHEN {day} THEN {value} END)", $"SUM({value})"));
            }

            kpis.Add(Kpi(CountName(orders), $"Rows of {orders.Display} over each 7-day window", 0, sql, roles,
                day => $"COUNT(CASE WHEN {day} THEN 1 END)", "COUNT(*)"));
        }

        return new MemoPlan(kpis, CatalogNotes(catalog));
    }

    /// <summary>MEMO-2: for each catalog table, in catalog order, a delay of 6 hours or more and an empty table.</summary>
    public static IReadOnlyList<string> CatalogNotes(AgentCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var notes = new List<string>();
        foreach (var table in catalog.Tables)
        {
            if (table.FreshnessHours is { } hours && hours >= 6)
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"{table.Dataset}.{table.Table} table had {(long)Math.Round(hours)}-hour delay"));
            }

            if (table.RowCount == 0)
            {
                notes.Add($"{table.Dataset}.{table.Table} has zero rows");
            }
        }

        return notes;
    }

    private static MemoKpiSpec Kpi(string name, string definition, int decimals, MemoSql sql, CatalogRoles roles, Func<string, string> measureWhen, string dailyMeasure) =>
        new(name, definition, decimals, sql.Table.Display,
            sql.Compare(measureWhen),
            sql.Daily(dailyMeasure),
            Dimensions(roles, sql.Table).Select(d => new MemoSegmentSpec(d.Column, sql.BySegment(d.Table, d.Column, measureWhen, roles))).ToList());

    // The table's own dimensions first (status, event name), then the entity's (channel, country) when its rows link to it.
    private static IEnumerable<(PlanTable Table, string Column)> Dimensions(CatalogRoles roles, PlanTable table)
    {
        var own = CatalogRoles.Dimensions(table).Select(c => (Table: table, c.Column));
        var linked = roles.Links(table) && roles.Entity is { } entity
            ? CatalogRoles.Dimensions(entity).Select(c => (Table: entity, c.Column))
            : [];
        return own.Concat(linked)
            .DistinctBy(d => d.Column, StringComparer.OrdinalIgnoreCase)
            .Take(MaxDimensions);
    }

    private static string CountName(PlanTable table)
    {
        var words = table.Name.Replace('_', ' ').Trim();
        return words.Length == 0 ? "Rows" : char.ToUpperInvariant(words[0]) + words[1..];
    }
}
