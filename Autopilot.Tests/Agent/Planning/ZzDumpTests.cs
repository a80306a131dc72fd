using Autopilot.Core.Agent.Planning;
using Autopilot.Core.Sql;

namespace Autopilot.Tests.Agent.Planning;

[Collection(DemoPlanningCollection.Name)]
public sealed class ZzDumpTests
{
    private readonly DemoPlanningCatalog _demo;

    public ZzDumpTests(DemoPlanningCatalog demo) => _demo = demo;

    [Fact]
    public void Dump()
    {
        var questions = PlannerAnswerTests.Questions.Select(r => (string)r[0]).Concat(DeterministicPlanner.SupportedQuestions).Concat(File.Exists("/tmp/extra-questions.txt") ? File.ReadAllLines("/tmp/extra-questions.txt") : []);
        using var writer = new StreamWriter("/tmp/plans.txt");
        foreach (var q in questions)
        {
            var plan = DeterministicPlanner.Plan(q, _demo.Catalog);
            writer.WriteLine($"=== {q}");
            if (plan is null) { writer.WriteLine("NULL"); continue; }
            writer.WriteLine($"goal: {plan.Goal}\nshape: {plan.ExpectedShape}\ndesc: {plan.Steps[0].Description}\nrisks: {string.Join("\n  ", plan.Risks)}\n{plan.Steps[0].Sql}");
            writer.WriteLine("validator: " + string.Join(" | ", PlanValidator.Validate(plan, _demo.Catalog)));
            var d = SqlGate.Evaluate(plan.Steps[0].Sql, _demo.Gate);
            writer.WriteLine($"gate: {d.Allowed} {string.Join(" | ", d.Reasons)}");
        }
    }
}
