namespace Autopilot.Core.Agent.Planning;

/// <summary>
/// The validator's check of a plan against the question it answers (its <see cref="PlanReading"/>), not only against
/// the catalog: every word used, every filter the question names present in the SQL with a value the data holds, the
/// aggregation and the subject it counts, a window when it names one, and a shape that matches its groupings.
/// </summary>
internal static class ReadingCheck
{
    public static IEnumerable<string> Run(AgentPlan plan, AgentCatalog catalog)
    {
        if (plan.Reading is not { } reading)
        {
            yield break;
        }

        var (unused, problems) = QuestionAccounting.Check(reading.Question, plan, catalog);
        if (unused.Count > 0)
        {
            yield return $"The plan leaves words of the question unused: {string.Join(", ", unused.Select(w => $"\"{w}\""))}.";
        }

        foreach (var problem in problems)
        {
            yield return problem;
        }

        var sql = string.Join("\n", plan.Steps.Select(s => s.Sql ?? string.Empty));
        foreach (var filter in reading.Filters)
        {
            foreach (var value in filter.Values.Where(v => !sql.Contains(PlanSql.String(v), StringComparison.Ordinal)))
            {
                yield return $"The question filters on {filter.Column} = \"{value}\", but the plan's SQL does not.";
            }
        }

        string? function = reading.Aggregation switch
        {
            "COUNT" => "COUNT",
            "COUNT_DISTINCT" => "COUNT(DISTINCT",
            "SUM" or "AVG" or "MIN" or "MAX" => reading.Aggregation + "(",
            "MEDIAN" => "APPROX_QUANTILES(",
            ['P', ..] => "APPROX_QUANTILES(",
            "SHARE" or "RATIO" => "SAFE_DIVIDE(",
            "FUNNEL" => "COUNTIF(",
            _ => null,
        };
        if (function is null || !sql.Contains(function, StringComparison.OrdinalIgnoreCase))
        {
            yield return $"The question asks for {reading.Aggregation} of {reading.Subject}, but the plan's SQL computes something else.";
        }

        if (!catalog.Tables.Any(t => string.Equals(t.Table, reading.Subject, StringComparison.OrdinalIgnoreCase)))
        {
            yield return $"The question counts {reading.Subject}, which is no table of the catalog.";
        }
        else if (reading.Aggregation is "COUNT" or "SUM" or "AVG" && !sql.Contains("." + PlanSql.Name(reading.Subject), StringComparison.OrdinalIgnoreCase))
        {
            yield return $"The question counts {reading.Subject}, but the plan does not read that table.";
        }

        if (reading.Window is not null && !sql.Contains("CURRENT_", StringComparison.OrdinalIgnoreCase) && !sql.Contains("DATE '", StringComparison.OrdinalIgnoreCase))
        {
            yield return $"The question names a window ({reading.Window}), but the plan's SQL has no time condition.";
        }

        var periods = reading.Groupings.Count(g => g is "day" or "week_start" or "month_start");
        var expected = reading.Groupings.Count > periods || reading.Aggregation == "FUNNEL" ? ResultShape.Table
            : periods > 0 ? ResultShape.Series
            : ResultShape.Scalar;
        if (expected != plan.ExpectedShape)
        {
            yield return $"The question asks for a {expected.ToString().ToLowerInvariant()} answer, but the plan expects a {plan.ExpectedShape.ToString().ToLowerInvariant()}.";
        }
    }
}
