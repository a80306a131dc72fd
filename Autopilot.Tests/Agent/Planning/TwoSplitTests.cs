using Autopilot.Core.Agent;
using Autopilot.Core.Agent.Planning;
using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Agent.Planning;

/// <summary>Two splits at once ("revenue by channel and country", "orders by status by month") answer as a table of both.</summary>
[Collection(DemoPlanningCollection.Name)]
public sealed class TwoSplitTests
{
    private readonly DemoPlanningCatalog _demo;

    public TwoSplitTests(DemoPlanningCatalog demo) => _demo = demo;

    public static TheoryData<string> Questions() => new(QuestionBank.TwoSplits().Select(q => q.Question));

    [Theory]
    [MemberData(nameof(Questions))]
    public void Two_splits_are_read_as_two_groupings_and_answered_as_a_table(string question)
    {
        var plan = DeterministicPlanner.Plan(question, _demo.Catalog, SharedDemoWarehouse.Today);

        Assert.NotNull(plan);
        Assert.Equal(ResultShape.Table, plan.ExpectedShape);
        Assert.Equal(2, plan.Reading!.Groupings.Count);
        Assert.Empty(PlanValidator.Validate(plan, _demo.Catalog));
    }
}
