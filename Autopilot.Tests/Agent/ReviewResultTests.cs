using Autopilot.Core.Agent;
using Autopilot.Core.Warehouse;

namespace Autopilot.Tests.Agent;

/// <summary>The post-execution critic's findings (issue 5 item 7).</summary>
public sealed class ReviewResultTests
{
    private static readonly QueryColumn[] Columns = [new("day", "DATE"), new("n", "INT64")];

    [Fact]
    public void An_empty_result_is_reported_and_nothing_else()
    {
        var warnings = ReviewResultActivity.Review(Plan(ResultShape.Series), Output([]));

        Assert.Equal(["No data returned"], warnings);
    }

    [Fact]
    public void Mostly_null_columns_shape_mismatches_truncation_and_redaction_are_each_reported()
    {
        var rows = new[] { Row("2026-11-01", null), Row("2026-11-02", null), Row("2026-11-03", 4) };

        var seriesAsScalar = ReviewResultActivity.Review(Plan(ResultShape.Scalar), Output(rows, truncated: true, redacted: ["email"]));
        var scalarAsSeries = ReviewResultActivity.Review(Plan(ResultShape.Series), Output([Row("2026-11-01", 1)]));

        Assert.Contains("Column 'n' is mostly empty (67% nulls)", seriesAsScalar);
        Assert.Contains("Expected a single value but got 3 rows", seriesAsScalar);
        Assert.Contains("Partial results: the row limit cut the output", seriesAsScalar);
        Assert.Contains("PII redacted in: email", seriesAsScalar);
        Assert.Equal(["Expected a series over time but got a single row"], scalarAsSeries);
    }

    [Fact]
    public void A_percentage_above_100_an_average_above_its_total_and_a_filtered_count_of_0_are_flagged_as_contradicting_the_plan()
    {
        var pct = ReviewResultActivity.Review(Plan(ResultShape.Scalar), new ExecutionOutput([new("pct_of_orders", "FLOAT64")],
            [new Dictionary<string, object?> { ["pct_of_orders"] = 140.0 }], 0, false, false, [], "h", 1));
        var averages = ReviewResultActivity.Review(Plan(ResultShape.Scalar), new ExecutionOutput([new("average_amount", "FLOAT64"), new("total_amount", "FLOAT64")],
            [new Dictionary<string, object?> { ["average_amount"] = 50.0, ["total_amount"] = 20.0 }], 0, false, false, [], "h", 1));
        var filtered = Plan(ResultShape.Scalar) with
        {
            Reading = new PlanReading("paid orders", "orders", "COUNT", [new PlanFilterReading("analytics.orders", "status", ["paid"])], "the last 7 days", [], [], "r"),
        };
        var zero = ReviewResultActivity.Review(filtered, new ExecutionOutput([new("orders", "INT64")], [new Dictionary<string, object?> { ["orders"] = 0L }], 0, false, false, [], "h", 1));
        var fine = ReviewResultActivity.Review(Plan(ResultShape.Scalar), new ExecutionOutput([new("pct_of_orders", "FLOAT64")],
            [new Dictionary<string, object?> { ["pct_of_orders"] = 4.5 }], 0, false, false, [], "h", 1));

        Assert.Contains(pct, w => w.StartsWith("Contradicts the plan: pct_of_orders = 140", StringComparison.Ordinal));
        Assert.Contains(averages, w => w.Contains("average (average_amount) is larger than the total", StringComparison.Ordinal));
        Assert.Contains(zero, w => w.StartsWith("The count is 0 with the filters status = paid", StringComparison.Ordinal));
        Assert.Empty(fine);
    }

    private static AgentPlan Plan(ResultShape shape) => new("goal", [new PlanStep("s1", "execute_query", "SELECT 1", "d")], [], [], shape, "test");

    private static ExecutionOutput Output(IReadOnlyList<IReadOnlyDictionary<string, object?>> rows, bool truncated = false, IReadOnlyList<string>? redacted = null) =>
        new(Columns, rows, 0, truncated, false, redacted ?? [], "hash", 1);

    private static IReadOnlyDictionary<string, object?> Row(string day, long? n) => new Dictionary<string, object?> { ["day"] = day, ["n"] = n };
}
