using System.Text;

namespace Autopilot.Core.Agent.Planning;

internal static partial class PlanComposer
{
    // Users reaching each step: per user, whether they had each event in the window; then how many had every step so far.
    private static ComposedQuery Funnel(PlanRequest request, CatalogRoles roles)
    {
        var events = roles.Events!;
        var id = roles.EntityIdIn(events)!;
        var name = events.Ref(roles.EventName!);
        var steps = request.FunnelSteps;
        var sql = new StringBuilder("WITH per_user AS (\n  SELECT ").Append(events.Ref(id)).Append(" AS entity_id");
        for (var i = 0; i < steps.Count; i++)
        {
            sql.Append(",\n    COUNTIF(LOWER(").Append(name).Append(") = ").Append(PlanSql.String(steps[i])).Append(") > 0 AS step_").Append(PlanSql.Number(i + 1));
        }

        sql.Append("\n  FROM ").Append(events.Sql).Append(" AS ").Append(events.Alias)
            .Append("\n  WHERE ").Append(events.InWindow(request.Window))
            .Append("\n    AND LOWER(").Append(name).Append(") IN (").AppendJoin(", ", steps.Distinct(StringComparer.Ordinal).Select(PlanSql.String)).Append(')')
            .Append("\n  GROUP BY ").Append(events.Ref(id))
            .Append("\n), funnel AS (");
        for (var i = 0; i < steps.Count; i++)
        {
            var reached = string.Join(" AND ", Enumerable.Range(1, i + 1).Select(k => "step_" + PlanSql.Number(k)));
            sql.Append(i == 0 ? "\n  SELECT " : "\n  UNION ALL\n  SELECT ")
                .Append(PlanSql.Number(i + 1)).Append(i == 0 ? " AS step, " : ", ")
                .Append(PlanSql.String(steps[i])).Append(i == 0 ? " AS event_name, " : ", ")
                .Append("COUNTIF(").Append(reached).Append(')').Append(i == 0 ? " AS users" : string.Empty)
                .Append(" FROM per_user");
        }

        sql.Append("\n)\nSELECT step, event_name, users,")
            .Append("\n  SAFE_DIVIDE(users, FIRST_VALUE(users) OVER (ORDER BY step)) AS share_of_first_step,")
            .Append("\n  SAFE_DIVIDE(users, LAG(users) OVER (ORDER BY step)) AS share_of_previous_step")
            .Append("\nFROM funnel\nORDER BY step\nLIMIT ").Append(PlanSql.Number(steps.Count));
        var path = string.Join(" → ", steps);
        return new ComposedQuery(
            sql.ToString(),
            ResultShape.Table,
            $"Funnel {path}: {PeopleOf(roles)} reaching each step {request.Window.Phrase}, with the share of the first and of the previous step.",
            $"Per {id} in {events.Display}, whether each of the events {path} happened in {request.Window.Description}; then per step how many had it and every step before it.",
            [events],
            [
                "Steps are counted per user within the window regardless of their order in time.",
                $"Event names are taken from the question as written ({path}); a name the data does not hold counts no one.",
            ]);
    }

    // Active users (any event) in the window, and how many of them also transacted in it; split by a dimension if asked.
    private static ComposedQuery Conversion(PlanRequest request, CatalogRoles roles)
    {
        var events = roles.Events!;
        var tx = roles.Transactions!;
        var eventId = roles.EntityIdIn(events)!;
        var txId = roles.EntityIdIn(tx)!;
        var activeRequest = request with { Filters = request.Filters.Where(f => f.Table != tx).ToList() };
        var active = SourceOf(activeRequest, roles, events, request.Window);
        var buyerFilters = request.Filters.Where(f => f.Table == tx).Select(f => f.Sql);
        var group = request.GroupBy;
        var sql = new StringBuilder("WITH active AS (\n  SELECT DISTINCT ").Append(events.Ref(eventId)).Append(" AS entity_id");
        if (group is not null)
        {
            sql.Append(", ").Append(group.Table.Ref(group.Column)).Append(" AS ").Append(PlanSql.Name(group.Column));
        }

        sql.Append("\n  FROM ").Append(active.From.Replace("\n", "\n  ", StringComparison.Ordinal))
            .Append("\n  WHERE ").Append(Where(active.Where).Replace("\n", "\n  ", StringComparison.Ordinal))
            .Append("\n), buyers AS (\n  SELECT DISTINCT ").Append(tx.Ref(txId)).Append(" AS entity_id")
            .Append("\n  FROM ").Append(tx.Sql).Append(" AS ").Append(tx.Alias)
            .Append("\n  WHERE ").Append(Where([tx.InWindow(request.Window), .. buyerFilters]).Replace("\n", "\n  ", StringComparison.Ordinal))
            .Append("\n)\nSELECT ");
        if (group is not null)
        {
            sql.Append("a.").Append(PlanSql.Name(group.Column)).Append(", ");
        }

        sql.Append("COUNT(*) AS active_users, COUNTIF(b.entity_id IS NOT NULL) AS converted_users,")
            .Append("\n  SAFE_DIVIDE(COUNTIF(b.entity_id IS NOT NULL), COUNT(*)) AS conversion_rate")
            .Append("\nFROM active AS a\n  LEFT JOIN buyers AS b ON b.entity_id = a.entity_id");
        if (group is not null)
        {
            sql.Append("\nGROUP BY a.").Append(PlanSql.Name(group.Column))
                .Append("\nORDER BY conversion_rate ").Append(request.Ascending ? "ASC" : "DESC").Append(", a.").Append(PlanSql.Name(group.Column));
            if (request.Top is { } top)
            {
                sql.Append("\nLIMIT ").Append(PlanSql.Number(top));
            }
        }

        var split = group is null ? string.Empty : $" by {group.Label}";
        var people = PeopleOf(roles);
        return new ComposedQuery(
            sql.ToString(),
            group is null ? ResultShape.Scalar : ResultShape.Table,
            $"Conversion rate{split} {request.Window.Phrase}: the share of active {people} (any event in {events.Display}) who also have a row in {tx.Display}{FilterText(request)}.",
            $"Distinct {eventId} with an event in {request.Window.Description}{split}{FilterText(activeRequest)}, matched with distinct {txId} in {tx.Display} in the same window; counts and their ratio.",
            Reads(events, active).Append(tx).ToList(),
            active.Risks);
    }

    // Of the users active in one period, how many were active again in the next.
    private static ComposedQuery Retention(PlanRequest request, CatalogRoles roles)
    {
        var events = roles.Events!;
        var id = roles.EntityIdIn(events)!;
        var later = request.WindowDefaulted
            ? request.Grain == TimeGrain.Month ? TimeWindow.LastMonths(1) : TimeWindow.LastWeeks(1)
            : request.Window switch
            {
                { Period: WindowPeriod.Weeks, Start.Back: 14, End.Back: 0 } => TimeWindow.LastWeeks(1),
                { Period: WindowPeriod.Months, Start.Back: 2, End.Back: 0 } => TimeWindow.LastMonths(1),
                var window => window,
            };
        var (current, earlier) = later.WithPrevious();
        var sql = new StringBuilder("WITH earlier AS (\n  SELECT DISTINCT ").Append(events.Ref(id)).Append(" AS entity_id")
            .Append("\n  FROM ").Append(events.Sql).Append(" AS ").Append(events.Alias)
            .Append("\n  WHERE ").Append(events.InWindow(earlier))
            .Append("\n), later AS (\n  SELECT DISTINCT ").Append(events.Ref(id)).Append(" AS entity_id")
            .Append("\n  FROM ").Append(events.Sql).Append(" AS ").Append(events.Alias)
            .Append("\n  WHERE ").Append(events.InWindow(current))
            .Append("\n)\nSELECT COUNT(*) AS earlier_users, COUNTIF(l.entity_id IS NOT NULL) AS retained_users,")
            .Append("\n  SAFE_DIVIDE(COUNTIF(l.entity_id IS NOT NULL), COUNT(*)) AS retention_rate")
            .Append("\nFROM earlier AS p\n  LEFT JOIN later AS l ON l.entity_id = p.entity_id");
        var people = PeopleOf(roles);
        return new ComposedQuery(
            sql.ToString(),
            ResultShape.Scalar,
            $"Retention: of the {people} active in {earlier.Description}, how many were active again in {current.Description}.",
            $"Distinct {id} with an event in {events.Display} in {earlier.Description}, matched with those active in {current.Description}; counts and their ratio.",
            [events],
            []);
    }

    private static string PeopleOf(CatalogRoles roles) => roles.Entity?.Name ?? "users";
}
