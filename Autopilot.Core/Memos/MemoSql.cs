using System.Globalization;
using Autopilot.Core.Agent.Planning;

namespace Autopilot.Core.Memos;

/// <summary>
/// SQL over one table for the memo's windows. Rows are bounded by the windows' local midnights as literals on the time
/// column itself (TIMESTAMP: the UTC instant of the tenant's midnight; DATE/DATETIME: the local date), so the gate sees
/// the time filter it requires and the warehouse can prune; rows are assigned to a day by their local date.
/// </summary>
internal sealed class MemoSql(PlanTable table, MemoWindows windows)
{
    public PlanTable Table { get; } = table;

    /// <summary>The row's tenant-local date.</summary>
    private string Day => TimeType switch
    {
        "DATE" => Table.Ref(Table.TimeColumn!),
        "DATETIME" => $"DATE({Table.Ref(Table.TimeColumn!)})",
        _ => $"DATE({Table.Ref(Table.TimeColumn!)}, {PlanSql.String(windows.TimeZone)})",
    };

    private string TimeType => Table.TimeType?.ToUpperInvariant() ?? "TIMESTAMP";

    private string Current => $"{Day} >= DATE '{MemoWindows.Iso(windows.CurrentStart)}'";

    private string Previous => $"{Day} < DATE '{MemoWindows.Iso(windows.CurrentStart)}'";

    /// <summary>Both windows, [previous start, today) in local time.</summary>
    private string Bounds
    {
        get
        {
            var column = Table.Ref(Table.TimeColumn!);
            return $"{column} >= {Bound(windows.PreviousStart)} AND {column} < {Bound(windows.Today)}";
        }
    }

    /// <summary>One row: the KPI in the current and the previous window.</summary>
    public string Compare(Func<string, string> measureWhen) =>
        $"SELECT {measureWhen(Current)} AS current_value, {measureWhen(Previous)} AS previous_value FROM {Table.Sql} AS {Table.Alias} WHERE {Bounds}";

    /// <summary>One row per local day with rows: the KPI that day and the day's row count.</summary>
    public string Daily(string measure) =>
        $"SELECT {Day} AS day, {measure} AS value, COUNT(*) AS row_count FROM {Table.Sql} AS {Table.Alias} WHERE {Bounds} GROUP BY day ORDER BY day";

    /// <summary>The KPI in both windows per value of <paramref name="column"/> (of the table, or of the entity joined in).</summary>
    public string BySegment(PlanTable owner, string column, Func<string, string> measureWhen, CatalogRoles roles)
    {
        var from = $"{Table.Sql} AS {Table.Alias}";
        if (owner != Table)
        {
            // A lookup of the entity: a left join keeps rows whose entity is missing (a null segment); the time condition
            // only satisfies the partition-filter rule, since a lookup needs every entity however old.
            var on = $"{owner.Ref(roles.EntityKey!)} = {Table.Ref(roles.LinkColumn!)}";
            if (owner.TimeColumn is not null)
            {
                on += $" AND {owner.UpToNow()}";
            }

            from += $" LEFT JOIN {owner.Sql} AS {owner.Alias} ON {on}";
        }

        return $"SELECT {owner.Ref(column)} AS segment, {measureWhen(Current)} AS current_value, {measureWhen(Previous)} AS previous_value " +
            $"FROM {from} WHERE {Bounds} GROUP BY segment";
    }

    private string Bound(DateOnly day) => TimeType switch
    {
        "DATE" => $"DATE '{MemoWindows.Iso(day)}'",
        // A DATETIME has no zone: read as the tenant's wall clock.
        "DATETIME" => $"DATETIME '{MemoWindows.Iso(day)} 00:00:00'",
        _ => $"TIMESTAMP '{windows.UtcStartOf(day).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}'",
    };
}
