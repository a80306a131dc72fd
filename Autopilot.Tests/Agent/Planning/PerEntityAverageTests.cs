using Autopilot.Tests.Infrastructure;
using Autopilot.Core.Agent;
using Autopilot.Core.Agent.Planning;
using Autopilot.Core.Sql;
using Autopilot.Core.Warehouse;

namespace Autopilot.Tests.Agent.Planning;

/// <summary>
/// Per-person averages ("events per active user") answer with the average beside the total it comes from, so the
/// post-critic's "average larger than its total" check holds on the real answer and fires on a contradicting one.
/// </summary>
[Collection(DemoPlanningCollection.Name)]
public sealed class PerEntityAverageTests
{
    private readonly DemoPlanningCatalog _demo;

    public PerEntityAverageTests(DemoPlanningCatalog demo) => _demo = demo;

    public static TheoryData<string> Questions() => new(QuestionBank.PerEntity().Select(q => q.Question));

    [Theory]
    [MemberData(nameof(Questions))]
    public void A_per_person_average_comes_with_its_total_and_the_critic_flags_only_an_average_above_it(string question)
    {
        var plan = DeterministicPlanner.Plan(question, _demo.Catalog, SharedDemoWarehouse.Today);
        Assert.NotNull(plan);
        Assert.Contains(" per ", plan.Reading!.Interpretation, StringComparison.Ordinal);
        Assert.Equal("AVG", plan.Reading.Aggregation);
        using var answers = new DemoAnswers(_demo.Path);
        var result = answers.Read(SqlGate.Evaluate(plan.Steps[0].Sql, _demo.Gate).Print(SqlDialect.DuckDb)!);
        var average = Assert.Single(result.Columns, c => c.StartsWith("average", StringComparison.Ordinal));

        Assert.DoesNotContain(ReviewResultActivity.Review(plan, Output(result, null)), w => w.StartsWith("Contradicts", StringComparison.Ordinal));
        if (result.Columns.FirstOrDefault(c => c.StartsWith("total_", StringComparison.Ordinal)) is { } total)
        {
            // The same answer with the average swapped for more than its total: what a wrong query would give.
            var warnings = ReviewResultActivity.Review(plan, Output(result, row => row[average] = Convert.ToDouble(row[total], System.Globalization.CultureInfo.InvariantCulture) + 1));
            Assert.Contains(warnings, w => w.Contains($"average ({average}) is larger than the total ({total})", StringComparison.Ordinal));
        }
    }

    private static ExecutionOutput Output(ResultTable result, Action<Dictionary<string, object?>>? change)
    {
        var rows = result.Rows.Select(values =>
        {
            var row = result.Columns.Select((c, i) => (c, values[i])).ToDictionary(p => p.c, p => p.Item2);
            change?.Invoke(row);
            return (IReadOnlyDictionary<string, object?>)row;
        }).ToList();
        return new ExecutionOutput(result.Columns.Select(c => new QueryColumn(c, "FLOAT64")).ToList(), rows, 0, false, false, [], "h", 1);
    }
}
