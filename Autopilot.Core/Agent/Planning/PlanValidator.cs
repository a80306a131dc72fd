using System.Text.RegularExpressions;
using Autopilot.Core.Sql;

namespace Autopilot.Core.Agent.Planning;

/// <summary>
/// Checks a plan against the catalog before anything runs: every step is <c>execute_query</c> with one read-only
/// query; the tables and columns it names exist (aliases, CTEs and subqueries resolved); join keys have comparable
/// types; a time-partitioned table is read with a condition on its time column when the plan is about time; and no PII
/// column reaches the output raw. Errors are sentences that name the table or column, fit to hand a replan.
/// </summary>
public static partial class PlanValidator
{
    /// <summary>The only tool a step may use.</summary>
    public const string ExecuteQuery = PlanComposer.ExecuteQuery;

    public static IReadOnlyList<string> Validate(AgentPlan plan, AgentCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(catalog);
        var errors = new List<string>();
        if (plan.Steps.Count == 0)
        {
            errors.Add("The plan has no steps.");
        }

        var series = plan.ExpectedShape == ResultShape.Series;
        var aboutTime = series || ImpliesTime(plan);
        foreach (var step in plan.Steps)
        {
            var label = $"Step {step.StepId}";
            if (!string.Equals(step.Tool, ExecuteQuery, StringComparison.Ordinal))
            {
                errors.Add($"{label} uses the tool \"{step.Tool}\"; only {ExecuteQuery} is allowed.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(step.Sql))
            {
                errors.Add($"{label} has no SQL.");
                continue;
            }

            var parsed = SqlParser.Parse(step.Sql);
            if (parsed.Failure is { } failure)
            {
                errors.Add($"{label} is not one read-only BigQuery query: {failure.Error}.");
                continue;
            }

            errors.AddRange(PlanStepCheck.Run(label, parsed.Query!, catalog, series, aboutTime));
        }

        errors.AddRange(ReadingCheck.Run(plan, catalog));
        return errors.Distinct(StringComparer.Ordinal).ToList();
    }

    // Whether the plan's own words put it in time, so that its reads of partitioned tables need a window.
    private static bool ImpliesTime(AgentPlan plan) =>
        TimeWords().IsMatch(plan.Goal) || plan.Steps.Any(s => TimeWords().IsMatch(s.Description ?? string.Empty));

    [GeneratedRegex(@"\b(last|past|previous|since|today|yesterday|this (week|month|year)|per (day|week|month)|daily|weekly|monthly|trend|over time|days?|weeks?|months?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TimeWords();
}
