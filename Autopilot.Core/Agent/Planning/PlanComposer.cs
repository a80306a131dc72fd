using System.Globalization;

namespace Autopilot.Core.Agent.Planning;

/// <summary>
/// Writes the one-step plan for a read question: BigQuery SQL the gate admits as it is (an explicit window on every
/// time-partitioned table it reads, aggregated or explicitly limited), with the goal, the step's description and the
/// risks spelled out for people.
/// </summary>
internal static partial class PlanComposer
{
    public const string ExecuteQuery = "execute_query";

    public const string PlannerName = "deterministic";

    public static AgentPlan Compose(PlanRequest request, CatalogRoles roles)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(roles);
        var query = request.Measure.Kind switch
        {
            MeasureKind.Funnel => Funnel(request, roles),
            MeasureKind.Retention => Retention(request, roles),
            MeasureKind.Conversion => Conversion(request, roles),
            _ when request.PerEntity is not null => PerEntity(request, roles),
            _ when request.Compare => Comparison(request, roles),
            _ => Metric(request, roles),
        };

        var risks = new List<string>();
        if (request.WindowDefaulted)
        {
            risks.Add($"The question names no time window: defaulted to {request.Window.Description}.");
        }

        foreach (var table in query.Reads.Distinct().Where(t => t.IsLarge))
        {
            risks.Add($"Large scan of {table.Display} ({table.Table.RowCount.ToString("N0", CultureInfo.InvariantCulture)} rows); the time window bounds what is read.");
        }

        risks.AddRange(query.Risks);
        if (request.Filters.Count > 0)
        {
            risks.Add("Filter values are the data's own spellings of the words in the question (looked up before planning).");
        }

        risks.AddRange(request.Notes);
        return new AgentPlan(query.Goal, [new PlanStep("s1", ExecuteQuery, query.Sql, query.Description)], risks, [], query.Shape, PlannerName)
        {
            Reading = ReadingOf(request, roles, query),
        };
    }

    /// <summary>How the question was read, for the validator to check against the SQL and for the summary.</summary>
    private static PlanReading ReadingOf(PlanRequest request, CatalogRoles roles, ComposedQuery query)
    {
        var measure = request.Measure;
        var subject = SubjectOf(measure, roles);
        var aggregation = measure.Kind switch
        {
            MeasureKind.Conversion or MeasureKind.Retention => "RATIO",
            MeasureKind.Funnel => "FUNNEL",
            _ when request.PerEntity is not null => "AVG",
            _ => measure.Aggregate,
        };
        var groupings = new List<string>();
        // The period is a grouping when the query outputs it (retention uses its grain only to pick the periods compared).
        if (request.Grain != TimeGrain.None && query.Sql.Contains($" AS {PeriodName(request.Grain)}", StringComparison.Ordinal))
        {
            groupings.Add(PeriodName(request.Grain));
        }

        groupings.AddRange(request.Splits.Select(g => g.Column));

        var window = request.Without?.Window ?? request.Window;
        var dated = $"{window.Description}: {window.Span(request.Today)}";
        var interpretation = $"I read this as: {char.ToLowerInvariant(query.Goal[0])}{query.Goal[1..].TrimEnd('.')}"
            + (request.WindowDefaulted ? $" (the question names no time window, so {dated})" : $" ({dated})") + ".";
        return new PlanReading(
            request.Question,
            subject,
            aggregation,
            request.Filters.Select(f => new PlanFilterReading(f.Table.Display, f.Column, f.Values, f.Negated)).ToList(),
            dated,
            groupings,
            request.Words,
            interpretation);
    }

    /// <summary>What a measure counts: people (the entity) or rows of its table.</summary>
    internal static string SubjectOf(Measure measure, CatalogRoles roles) =>
        measure.Kind is MeasureKind.ActiveUsers or MeasureKind.NewEntities or MeasureKind.Buyers or MeasureKind.Conversion
            or MeasureKind.Retention or MeasureKind.Funnel or MeasureKind.Entities
            ? roles.Entity?.Name ?? "users"
            : measure.Table.Name;

    /// <summary>A written query: SQL, what it returns, the goal and step text, the tables it reads and its own risks.</summary>
    private sealed record ComposedQuery(string Sql, ResultShape Shape, string Goal, string Description, IReadOnlyList<PlanTable> Reads, IReadOnlyList<string> Risks);

    /// <summary>FROM and WHERE over a measured table: its window, the entity joined in for a split or filter, the filters.</summary>
    private sealed record Source(string From, IReadOnlyList<string> Where, PlanTable? Joined, IReadOnlyList<string> Risks);

    private static Source SourceOf(PlanRequest request, CatalogRoles roles, PlanTable table, TimeWindow window)
    {
        var entity = roles.Entity;
        var joins = entity is not null && table != entity && roles.Links(table)
            && (request.Splits.Any(g => g.Table == entity) || request.Filters.Any(f => f.Table == entity));
        var from = $"{table.Sql} AS {table.Alias}";
        var where = new List<string> { table.InWindow(window) };
        var risks = new List<string>();
        if (joins)
        {
            // A left join keeps rows whose entity is missing (as an empty split); the time condition only satisfies the
            // partition-filter rule, since a lookup needs every entity however old.
            var on = $"{entity!.Ref(roles.EntityKey!)} = {table.Ref(roles.LinkColumn!)}";
            if (entity.TimeColumn is not null)
            {
                on += $" AND {entity.UpToNow()}";
            }

            from += $"\n  LEFT JOIN {entity.Sql} AS {entity.Alias} ON {on}";
            var looked = request.Filters.Where(f => f.Table == entity).Select(f => f.Column)
                .Concat(request.Splits.Where(g => g.Table == entity).Select(g => g.Column))
                .Distinct(StringComparer.OrdinalIgnoreCase);
            risks.Add($"Joins {entity.Display} on {roles.EntityKey} to look up {string.Join(" and ", looked)}, reading all of it (a lookup has no narrower window).");
        }

        // A share's filters on the measured table are its numerator, not a restriction of the rows it divides by.
        var share = request.Measure.Kind == MeasureKind.Share;
        where.AddRange(request.Filters.Where(f => (f.Table == table && !share) || (joins && f.Table == entity)).Select(f => f.Sql));
        if (request.Without is { } without && table == entity)
        {
            where.Add(NotExists(request, roles, without));
        }

        return new Source(from, where, joins ? entity : null, risks);
    }

    // The entity has no row in the negated table in its window (and its filters): a correlated NOT EXISTS.
    private static string NotExists(PlanRequest request, CatalogRoles roles, AntiJoin without)
    {
        var table = without.Table;
        var conditions = new List<string> { $"{table.Ref(roles.LinkColumn!)} = {roles.Entity!.Ref(roles.EntityKey!)}", table.InWindow(without.Window) };
        conditions.AddRange(request.Filters.Where(f => f.Table == table).Select(f => f.Sql));
        return $"NOT EXISTS (\n    SELECT 1 FROM {table.Sql} AS {table.Alias}\n    WHERE {string.Join("\n      AND ", conditions)})";
    }

    /// <summary>", with no row of analytics.orders over all time where status = …": what the counted entities lack.</summary>
    private static string WithoutText(PlanRequest request)
    {
        if (request.Without is not { } without)
        {
            return string.Empty;
        }

        var filters = request.Filters.Where(f => f.Table == without.Table).Select(f => f.Description).ToList();
        return $", with no row of {without.Table.Display} {without.Window.Phrase}" + (filters.Count == 0 ? string.Empty : " where " + string.Join(" and ", filters));
    }

    private static string Where(IReadOnlyList<string> conditions) => string.Join("\n  AND ", conditions);

    private static string FilterText(PlanRequest request)
    {
        var filters = request.Filters.Where(f => f.Table != request.Without?.Table).Select(f => f.Description).ToList();
        return (filters.Count == 0 ? string.Empty : ", where " + string.Join(" and ", filters)) + WithoutText(request);
    }

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string PeriodName(TimeGrain grain) => grain switch
    {
        TimeGrain.Week => "week_start",
        TimeGrain.Month => "month_start",
        _ => "day",
    };

    private static string PeriodSql(PlanTable table, TimeGrain grain) => grain switch
    {
        TimeGrain.Week => $"DATE_TRUNC({table.DateOf()}, WEEK(MONDAY))",
        TimeGrain.Month => $"DATE_TRUNC({table.DateOf()}, MONTH)",
        _ => table.DateOf(),
    };

    private static string GrainText(TimeGrain grain) => grain switch
    {
        TimeGrain.Day => " per day",
        TimeGrain.Week => " per week (weeks start on Monday)",
        TimeGrain.Month => " per month",
        _ => string.Empty,
    };
}
