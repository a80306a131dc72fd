using Autopilot.Tests.Infrastructure;
using System.Diagnostics;
using System.Globalization;
using Autopilot.Core.Agent.Planning;
using Autopilot.Core.Sql;
using Xunit.Abstractions;

namespace Autopilot.Tests.Agent.Planning;

/// <summary>
/// The question bank: every answered question's result equals its hand-written truth SQL on DuckDB; every question that
/// must not be answered gets no plan (the run asks or refuses). Also measures correct / clarified / wrong and latency.
/// </summary>
[Collection(DemoPlanningCollection.Name)]
public sealed class QuestionBankTests
{
    private readonly DemoPlanningCatalog _demo;
    private readonly ITestOutputHelper _output;

    public QuestionBankTests(DemoPlanningCatalog demo, ITestOutputHelper output)
    {
        _demo = demo;
        _output = output;
    }

    public static TheoryData<string, string> Answered()
    {
        var data = new TheoryData<string, string>();
        foreach (var (question, truth) in QuestionBank.Answered())
        {
            data.Add(question, truth);
        }

        return data;
    }

    public static TheoryData<string> NotAnswered() => new(QuestionBank.NotAnswered);

    [Theory]
    [MemberData(nameof(Answered))]
    public void A_bank_question_is_answered_as_its_hand_written_sql_answers(string question, string truthSql)
    {
        var plan = DeterministicPlanner.Plan(question, _demo.Catalog, SharedDemoWarehouse.Today);

        Assert.True(plan is not null, $"No plan; the run would ask: {DeterministicPlanner.Clarify(question, _demo.Catalog, SharedDemoWarehouse.Today)?.Summary} {string.Join(", ", DeterministicPlanner.Clarify(question, _demo.Catalog, SharedDemoWarehouse.Today)?.UnusedWords ?? [])}");
        Assert.Empty(PlanValidator.Validate(plan, _demo.Catalog));
        Assert.Empty(QuestionAccounting.Check(question, plan, _demo.Catalog).Unused);
        var decision = SqlGate.Evaluate(plan.Steps[0].Sql, _demo.Gate);
        Assert.True(decision.Allowed && decision.Reasons.Count == 0, string.Join(" | ", decision.Reasons));
        using var answers = new DemoAnswers(_demo.Path);
        var (actual, expected) = answers.Run(decision.Print(SqlDialect.DuckDb)!, truthSql);
        PlannerAnswerTests.AssertSameAnswer(expected, actual, plan.Steps[0].Sql);
    }

    [Theory]
    [MemberData(nameof(NotAnswered))]
    public void A_bank_question_with_words_no_plan_can_use_gets_no_plan(string question)
    {
        var plan = DeterministicPlanner.Plan(question, _demo.Catalog, SharedDemoWarehouse.Today);

        Assert.True(plan is null, $"Planned (and would answer) as: {plan?.Goal}\n{plan?.Steps[0].Sql}");
    }

    [Fact]
    public void The_bank_has_no_wrong_answer_and_its_answers_come_within_the_latency_target()
    {
        var answered = PlannerAnswerTests.Questions.Select(row => ((string)row[0], (string)row[2])).Concat(QuestionBank.Answered()).ToList();
        Assert.True(answered.Count >= 100, $"{answered.Count} answered questions in the bank");
        Assert.True(QuestionBank.NotAnswered.Count >= 40, $"{QuestionBank.NotAnswered.Count} questions that must not be answered");

        using var answers = new DemoAnswers(_demo.Path);
        var (correct, clarified, refused, wrong) = (0, 0, 0, new List<string>());
        var latencies = new List<double>();
        foreach (var (question, truth) in answered.Select(a => (a.Item1, (string?)a.Item2)).Concat(QuestionBank.NotAnswered.Select(q => (q, (string?)null))))
        {
            // Answer latency: plan (reading, accounting, SQL), validate, gate, print for DuckDB, run on DuckDB.
            var clock = Stopwatch.StartNew();
            var plan = DeterministicPlanner.Plan(question, _demo.Catalog, SharedDemoWarehouse.Today);
            ResultTable? result = null;
            string? printed = null;
            if (plan is not null && PlanValidator.Validate(plan, _demo.Catalog).Count == 0)
            {
                printed = SqlGate.Evaluate(plan.Steps[0].Sql, _demo.Gate).Print(SqlDialect.DuckDb);
                result = printed is null ? null : answers.Read(printed);
            }

            clock.Stop();
            if (plan is null)
            {
                if (DeterministicPlanner.Clarify(question, _demo.Catalog, SharedDemoWarehouse.Today) is null)
                {
                    refused++;
                }
                else
                {
                    clarified++;
                }

                continue;
            }

            latencies.Add(clock.Elapsed.TotalMilliseconds);
            if (truth is null)
            {
                wrong.Add($"answered a question it must not: {question}");
                continue;
            }

            var (actual, expected) = answers.Run(printed!, truth);
            if (Same(expected, actual))
            {
                correct++;
            }
            else
            {
                wrong.Add($"wrong answer: {question}");
            }
        }

        latencies.Sort();
        double Percentile(double p) => latencies.Count == 0 ? 0 : latencies[(int)Math.Min(latencies.Count - 1, Math.Ceiling(p * latencies.Count) - 1)];
        var figures = string.Create(CultureInfo.InvariantCulture,
            $"bank: {answered.Count} to answer, {QuestionBank.NotAnswered.Count} not to; correct {correct}, clarified {clarified}, refused {refused}, wrong {wrong.Count}; answer latency p50 {Percentile(0.5):0.0} ms, p95 {Percentile(0.95):0.0} ms, max {latencies.LastOrDefault():0.0} ms");
        _output.WriteLine(figures);
        File.WriteAllText(Path.Combine(Path.GetTempPath(), "autopilot-question-bank.txt"), figures + Environment.NewLine);
        Assert.Empty(wrong);

        // 250 ms is the target on an idle machine; the bound here leaves room for a loaded CI box.
        Assert.True(Percentile(0.95) <= 1000, $"p95 {Percentile(0.95)} ms");
    }

    private static bool Same(ResultTable expected, ResultTable actual) =>
        expected.Columns.SequenceEqual(actual.Columns, StringComparer.OrdinalIgnoreCase)
        && expected.Rows.Count == actual.Rows.Count
        && expected.Rows.Zip(actual.Rows).All(pair => pair.First.Zip(pair.Second).All(v => PlannerAnswerTests.Same(v.First, v.Second)));
}
