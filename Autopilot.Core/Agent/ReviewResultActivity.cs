using System.Globalization;
using Microsoft.DurableTask;

namespace Autopilot.Core.Agent;

/// <summary>Critic (post-execution): empty results, mostly-null columns, a shape other than the plan expected, partial results.</summary>
public sealed class ReviewResultActivity : TaskActivity<ReviewRequest, IReadOnlyList<string>>
{
    private readonly AgentTransitions _transitions;

    public ReviewResultActivity(AgentTransitions transitions) => _transitions = transitions;

    public override async Task<IReadOnlyList<string>> RunAsync(TaskActivityContext context, ReviewRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await _transitions.EnterAsync(input.TenantId, input.RunId, AgentStage.Reviewing);
        return Review(input.Plan, input.Output);
    }

    public static IReadOnlyList<string> Review(AgentPlan plan, ExecutionOutput output)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(output);
        var warnings = new List<string>();
        var rows = output.Rows;
        if (rows.Count == 0)
        {
            warnings.Add("No data returned");
            return warnings;
        }

        foreach (var column in output.Columns)
        {
            var nulls = rows.Count(r => !r.TryGetValue(column.Name, out var v) || v is null || (v is System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Null }));
            if (nulls * 2 > rows.Count)
            {
                warnings.Add($"Column '{column.Name}' is mostly empty ({(100.0 * nulls / rows.Count).ToString("0", CultureInfo.InvariantCulture)}% nulls)");
            }
        }

        if (plan.ExpectedShape == ResultShape.Series && rows.Count == 1)
        {
            warnings.Add("Expected a series over time but got a single row");
        }
        else if (plan.ExpectedShape == ResultShape.Scalar && rows.Count > 1)
        {
            warnings.Add($"Expected a single value but got {rows.Count} rows");
        }

        warnings.AddRange(Contradictions(plan, output));
        if (output.Truncated)
        {
            warnings.Add("Partial results: the row limit cut the output");
        }

        if (output.RedactedColumns.Count > 0)
        {
            warnings.Add("PII redacted in: " + string.Join(", ", output.RedactedColumns));
        }

        return warnings;
    }

    /// <summary>
    /// A result whose magnitude the plan rules out: a percentage above 100 (or a rate above 1), an average above the total
    /// beside it, or a count of 0 where the question filtered — the filter may name a value the data does not hold.
    /// </summary>
    private static IEnumerable<string> Contradictions(AgentPlan plan, ExecutionOutput output)
    {
        foreach (var row in output.Rows)
        {
            double? Number(string column) => row.TryGetValue(column, out var value) ? AsNumber(value) : null;
            foreach (var column in output.Columns.Select(c => c.Name))
            {
                var limit = column.StartsWith("pct_of_", StringComparison.Ordinal) || column.Contains("percent", StringComparison.Ordinal) ? 100.0
                    : column.EndsWith("_rate", StringComparison.Ordinal) || column.StartsWith("share_of", StringComparison.Ordinal) ? 1.0
                    : double.NaN;
                if (Number(column) is { } value && !double.IsNaN(limit) && (value > limit + 1e-9 || value < 0))
                {
                    yield return $"Contradicts the plan: {column} = {value.ToString("0.##", CultureInfo.InvariantCulture)} is outside 0–{limit.ToString(CultureInfo.InvariantCulture)}.";
                }
            }

            var average = output.Columns.Select(c => c.Name).FirstOrDefault(c => c.StartsWith("average", StringComparison.Ordinal) || c.StartsWith("avg", StringComparison.Ordinal));
            var total = output.Columns.Select(c => c.Name).FirstOrDefault(c => c.StartsWith("total", StringComparison.Ordinal) || c.StartsWith("sum", StringComparison.Ordinal) || c == "revenue");
            if (average is not null && total is not null && Number(average) is { } avg && Number(total) is { } sum && sum >= 0 && avg > sum + 1e-9)
            {
                yield return $"Contradicts the plan: the average ({average}) is larger than the total ({total}).";
            }
        }

        if (plan.Reading is { Filters.Count: > 0, Aggregation: "COUNT" or "COUNT_DISTINCT" } reading && plan.ExpectedShape == ResultShape.Scalar
            && output.Rows.Count == 1 && output.Columns.Count == 1 && AsNumber(output.Rows[0].Values.FirstOrDefault()) is 0)
        {
            yield return $"The count is 0 with the filters {string.Join(", ", reading.Filters.Select(f => $"{f.Column} = {string.Join("/", f.Values)}"))}: check that the data holds those values in the window.";
        }
    }

    private static double? AsNumber(object? value) => value switch
    {
        System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Number } e => e.GetDouble(),
        IConvertible c and not string and not bool => Convert.ToDouble(c, CultureInfo.InvariantCulture),
        _ => null,
    };
}
