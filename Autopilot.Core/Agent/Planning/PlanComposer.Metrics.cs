using System.Text;

namespace Autopilot.Core.Agent.Planning;

internal static partial class PlanComposer
{
    /// <summary>Most rows a comparison split by a dimension returns when the question sets no "top".</summary>
    private const int MaxGroups = 1000;

    // One number, a series per period, or a breakdown / top N by a dimension.
    private static ComposedQuery Metric(PlanRequest request, CatalogRoles roles)
    {
        var measure = request.Measure;
        var table = measure.Table;
        var source = SourceOf(request, roles, table, request.Window);
        var select = new List<string>();
        var groupBy = new List<string>();
        var orderBy = new List<string>();
        if (request.Grain != TimeGrain.None)
        {
            var period = PeriodName(request.Grain);
            select.Add($"{PeriodSql(table, request.Grain)} AS {period}");
            groupBy.Add(period);
            orderBy.Add(period);
        }

        if (request.GroupBy is not null && request.Grain == TimeGrain.None)
        {
            orderBy.Add($"{measure.Name} {(request.Ascending ? "ASC" : "DESC")}");
        }

        foreach (var group in request.Splits)
        {
            var column = group.Table.Ref(group.Column);
            select.Add($"{column} AS {PlanSql.Name(group.Column)}");
            groupBy.Add(column);
            orderBy.Add(column);
        }

        select.Add($"{MeasureSql(request)} AS {measure.Name}");
        var sql = new StringBuilder()
            .Append("SELECT ").AppendJoin(", ", select)
            .Append("\nFROM ").Append(source.From)
            .Append("\nWHERE ").Append(Where(source.Where));
        if (groupBy.Count > 0)
        {
            sql.Append("\nGROUP BY ").AppendJoin(", ", groupBy);
        }

        if (orderBy.Count > 0)
        {
            sql.Append("\nORDER BY ").AppendJoin(", ", orderBy);
        }

        if (request.Top is { } top)
        {
            sql.Append("\nLIMIT ").Append(PlanSql.Number(top));
        }

        // A period and a dimension ("orders by status by month") is a table of both, not one series.
        var shape = request.GroupBy is not null ? ResultShape.Table : request.Grain != TimeGrain.None ? ResultShape.Series : ResultShape.Scalar;
        var split = request.GroupBy is { } by
            ? request.Top is { } n ? $", {(request.Ascending ? "bottom" : "top")} {PlanSql.Number(n)} {by.Label} values by {measure.Name}" : $" by {string.Join(" and ", request.Splits.Select(g => g.Label))}"
            : string.Empty;
        var goal = $"{Capitalized(measure.Label)}{GrainText(request.Grain)}{split} {request.Window.Phrase}{FilterText(request)}.";
        var description = $"Aggregate {table.Display} ({MeasureSql(request)}){GrainText(request.Grain)}{split} for rows with {table.TimeColumn} in {request.Window.Description}{FilterText(request)}.";
        var risks = source.Risks.ToList();
        if (shape == ResultShape.Series)
        {
            risks.Add("Periods without any rows are absent from the series rather than shown as zero.");
        }

        return new ComposedQuery(sql.ToString(), shape, goal, description, Reads(table, source), risks);
    }

    // This period against the one before: both sums from one scan over the span covering the two.
    private static ComposedQuery Comparison(PlanRequest request, CatalogRoles roles)
    {
        var measure = request.Measure;
        var table = measure.Table;
        var (current, previous) = request.Window.WithPrevious();
        var span = new TimeWindow(previous.Start, current.End, $"{previous.Description} to {current.Description}", WindowPeriod.Days);
        var source = SourceOf(request, roles, table, span);
        var currentName = PlanSql.Alias("current_" + measure.Name);
        var previousName = PlanSql.Alias("previous_" + measure.Name);
        var inner = new List<string>();
        var outer = new List<string>();
        if (request.GroupBy is { } group)
        {
            inner.Add($"{group.Table.Ref(group.Column)} AS {PlanSql.Name(group.Column)}");
            outer.Add(PlanSql.Name(group.Column));
        }

        inner.Add($"{measure.Sql(table.InWindow(current))} AS {currentName}");
        inner.Add($"{measure.Sql(table.InWindow(previous))} AS {previousName}");
        outer.AddRange([currentName, previousName, $"{currentName} - {previousName} AS change", $"SAFE_DIVIDE({currentName} - {previousName}, {previousName}) * 100 AS pct_change"]);

        var sql = new StringBuilder()
            .Append("WITH totals AS (\n  SELECT ").AppendJoin(", ", inner)
            .Append("\n  FROM ").Append(source.From.Replace("\n", "\n  ", StringComparison.Ordinal))
            .Append("\n  WHERE ").Append(Where(source.Where).Replace("\n", "\n  ", StringComparison.Ordinal));
        int limit;
        if (request.GroupBy is { } by)
        {
            sql.Append("\n  GROUP BY ").Append(by.Table.Ref(by.Column));
            limit = request.Top ?? (int)Math.Clamp(by.Table.Column(by.Column)?.DistinctCount + 1 ?? MaxGroups, 1, MaxGroups);
        }
        else
        {
            limit = 1;
        }

        sql.Append("\n)\nSELECT ").AppendJoin(", ", outer).Append("\nFROM totals");
        if (request.GroupBy is { } ordered)
        {
            sql.Append("\nORDER BY ").Append(currentName).Append(request.Ascending ? " ASC" : " DESC").Append(", ").Append(PlanSql.Name(ordered.Column));
        }

        sql.Append("\nLIMIT ").Append(PlanSql.Number(limit));
        var split = request.GroupBy is { } g ? $" by {g.Label}" : string.Empty;
        var goal = $"{Capitalized(measure.Label)}{split}: {current.Description} compared with {previous.Description}, with the change and % change{FilterText(request)}.";
        var description = $"Aggregate {table.Display} ({measure.Sql()}) separately for {current.Description} and for {previous.Description}{split}{FilterText(request)}, then the difference and the % change (null when the earlier value is 0).";
        var risks = source.Risks.ToList();
        if (request.Window.End is null)
        {
            risks.Add(request.Window.Start.Anchor == WindowAnchor.Today
                ? "Today so far is compared with the whole of yesterday, so today's value is incomplete."
                : $"\"{request.Window.Description}\" is compared on complete days only, against the same days one period earlier, so both sides cover equal time; on the first day of a period both are empty.");
        }

        return new ComposedQuery(sql.ToString(), request.GroupBy is null ? ResultShape.Scalar : ResultShape.Table, goal, description, Reads(table, source), risks);
    }

    // A share: matching rows as a percentage of all the rows in the window (and in the other filters).
    private static string MeasureSql(PlanRequest request) => request.Measure.Kind == MeasureKind.Share
        ? $"SAFE_DIVIDE(COUNTIF({string.Join(" AND ", request.Filters.Where(f => f.Table == request.Measure.Table).Select(f => f.Sql))}), COUNT(*)) * 100"
        : request.Measure.Sql();

    private static List<PlanTable> Reads(PlanTable table, Source source) => source.Joined is { } joined ? [table, joined] : [table];
}
