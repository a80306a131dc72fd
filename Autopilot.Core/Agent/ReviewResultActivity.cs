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
}
