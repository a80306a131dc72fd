using Autopilot.Tests.Infrastructure;
using System.Text.RegularExpressions;
using Autopilot.Core.Agent.Planning;
using Autopilot.Core.Sql;

namespace Autopilot.Tests.Agent.Planning;

/// <summary>What the deterministic planner refuses, how it quotes what it takes from the question, and how it replans.</summary>
[Collection(DemoPlanningCollection.Name)]
public sealed partial class PlannerQuestionTests
{
    private const string RevenueByChannelLast30Days = """
        SELECT u.channel AS channel, SUM(o.amount) AS revenue
        FROM analytics.orders o JOIN analytics.users u ON u.user_id = o.user_id
        WHERE CAST(o.created_at AS DATE) BETWEEN {today} - 30 AND {today} - 1
        GROUP BY 1 ORDER BY 2 DESC, 1
        """;

    private readonly DemoPlanningCatalog _demo;

    public PlannerQuestionTests(DemoPlanningCatalog demo) => _demo = demo;

    [Theory]
    [InlineData("")]
    [InlineData("What's the weather in Paris?")]
    [InlineData("Write me a poem about churn")]
    [InlineData("How many unicorns per day?")]
    [InlineData("Delete all users")]
    [InlineData("Why did revenue drop last week?")]
    [InlineData("Forecast revenue for next month")]
    [InlineData("Revenue by email in the last 30 days")]
    [InlineData("Orders from jane@example.com")]
    [InlineData("Orders in the last 24 hours")]
    [InlineData("Revenue per quarter")]
    [InlineData("Orders per user per day")]
    [InlineData("Top 5 countries by revenue by channel")]
    [InlineData("What is the status of orders?")]
    [InlineData("Show me the funnel")]
    [InlineData("Number of sessions last week")]
    [InlineData("Orders in the last 5000 days")]
    public async Task A_question_it_cannot_read_completely_gets_no_plan(string question)
    {
        var plan = await new DeterministicPlanner().PlanAsync(question, _demo.Catalog, [], CancellationToken.None);

        Assert.Null(plan);
    }

    [Fact]
    public void Every_supported_example_is_planned_validated_and_admitted_by_the_gate_unchanged()
    {
        Assert.NotEmpty(DeterministicPlanner.SupportedQuestions);
        foreach (var question in DeterministicPlanner.SupportedQuestions)
        {
            var plan = DeterministicPlanner.Plan(question, _demo.Catalog, SharedDemoWarehouse.Today);
            Assert.True(plan is not null, $"No plan for the example \"{question}\"");
            Assert.Empty(PlanValidator.Validate(plan, _demo.Catalog));
            var decision = SqlGate.Evaluate(plan.Steps[0].Sql, _demo.Gate);
            Assert.True(decision.Allowed && decision.Reasons.Count == 0, $"{question}: {string.Join(" | ", decision.Reasons)}");
        }
    }

    [Fact]
    public void No_plan_selects_groups_or_filters_on_a_pii_column()
    {
        var questions = PlannerAnswerTests.Questions.Select(row => (string)row[0]).Concat(DeterministicPlanner.SupportedQuestions)
            .Append("Top 5 users by revenue in the last 7 days").Append("New users by email_opt_in");
        foreach (var question in questions)
        {
            if (DeterministicPlanner.Plan(question, _demo.Catalog, SharedDemoWarehouse.Today) is { } plan)
            {
                Assert.DoesNotMatch(PiiColumn(), plan.Steps[0].Sql);
            }
        }
    }

    [Fact]
    public void A_plan_says_its_window_and_its_risks()
    {
        var plan = DeterministicPlanner.Plan("What is our DAU?", _demo.Catalog, SharedDemoWarehouse.Today)!;

        Assert.Contains("the last 30 days", plan.Goal, StringComparison.Ordinal);
        Assert.Contains("the last 30 days", plan.Steps[0].Description, StringComparison.Ordinal);
        Assert.Contains(plan.Risks, r => r.Contains("defaulted to the last 30 days", StringComparison.Ordinal));
        Assert.Contains(plan.Risks, r => r.Contains("Large scan of analytics.events", StringComparison.Ordinal));
        Assert.Empty(plan.RequiredApprovals);
        Assert.Equal("deterministic", plan.Planner);
    }

    [Fact]
    public void A_filter_value_from_the_question_is_only_ever_a_quoted_string_literal()
    {
        // A value the data holds (here, as the lookup would find it) that is also an injection attempt.
        const string Hostile = "x' OR '1'='1";
        var catalog = _demo.Catalog with
        {
            Values = [.. _demo.Catalog.Values.Select(v => v.Column == "channel" ? v with { Values = [.. v.Values, Hostile, "O'Brien"] } : v)],
        };
        var plan = DeterministicPlanner.Plan($"Revenue from the \"{Hostile}\" channel in the last 7 days", catalog, SharedDemoWarehouse.Today);

        Assert.NotNull(plan);
        Assert.Empty(PlanValidator.Validate(plan, catalog));
        var parsed = SqlParser.Parse(plan.Steps[0].Sql);
        Assert.NotNull(parsed.Query);
        Assert.Contains(@"u.channel = 'x\' OR \'1\'=\'1'", plan.Steps[0].Sql, StringComparison.Ordinal);

        var decision = SqlGate.Evaluate(plan.Steps[0].Sql, _demo.Gate);
        Assert.True(decision.Allowed);
        using var answers = new DemoAnswers(_demo.Path);
        var (actual, expected) = answers.Run(decision.Print(SqlDialect.DuckDb)!, "SELECT SUM(o.amount) AS revenue FROM analytics.orders o WHERE false");
        PlannerAnswerTests.AssertSameAnswer(expected, actual, plan.Steps[0].Sql);

        var apostrophe = DeterministicPlanner.Plan("Orders from the \"O'Brien\" channel in the last 7 days", catalog, SharedDemoWarehouse.Today);
        Assert.NotNull(apostrophe);
        Assert.Contains(@"u.channel = 'O\'Brien'", apostrophe.Steps[0].Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quoted_value_the_data_does_not_hold_is_asked_about_not_answered()
    {
        const string Question = "Revenue from the \"x' OR '1'='1\" channel in the last 7 days";

        Assert.Null(DeterministicPlanner.Plan(Question, _demo.Catalog, SharedDemoWarehouse.Today));
        var ask = DeterministicPlanner.Clarify(Question, _demo.Catalog, SharedDemoWarehouse.Today);
        Assert.NotNull(ask);
        Assert.Contains("x' OR '1'='1", ask.UnusedWords);
    }

    [Theory]
    [InlineData("Revenue in the US by channel over the last 30 days", "Column analytics.users.country does not exist.")]
    [InlineData("Revenue by channel over the last 30 days", "Column analytics.users.channel does not exist.")]
    public async Task A_replan_that_would_have_to_drop_a_filter_or_split_the_question_names_gives_no_plan(string question, string error)
    {
        // Dropping part of the question would answer another one: the run asks instead (issue 9).
        Assert.NotNull(DeterministicPlanner.Plan(question, _demo.Catalog, SharedDemoWarehouse.Today));

        var plan = await new DeterministicPlanner().PlanAsync(question, _demo.Catalog, [error], CancellationToken.None);

        Assert.Null(plan);
    }

    [Fact]
    public async Task A_replan_gives_up_when_what_is_measured_needs_the_column_the_errors_name()
    {
        var plan = await new DeterministicPlanner().PlanAsync(
            "Revenue in the last 7 days", _demo.Catalog, ["Column analytics.orders.amount does not exist."], CancellationToken.None);

        Assert.Null(plan);
    }

    [Fact]
    public async Task A_replan_after_errors_in_another_planners_plan_returns_a_plan_that_validates()
    {
        var plan = await new DeterministicPlanner().PlanAsync(
            "Revenue by channel over the last 30 days", _demo.Catalog,
            ["Table analytics.revenue_daily does not exist in the catalog.", "Column analytics.users.signup_source does not exist."], CancellationToken.None);

        Assert.NotNull(plan);
        Assert.Empty(PlanValidator.Validate(plan, _demo.Catalog));
        Assert.Contains("u.channel", plan.Steps[0].Sql, StringComparison.Ordinal);
        using var answers = new DemoAnswers(_demo.Path);
        var (actual, expected) = answers.Run(SqlGate.Evaluate(plan.Steps[0].Sql, _demo.Gate).Print(SqlDialect.DuckDb)!, RevenueByChannelLast30Days);
        PlannerAnswerTests.AssertSameAnswer(expected, actual, plan.Steps[0].Sql);
    }

    [Fact]
    public void The_validator_rejects_a_plan_that_drops_a_filter_the_question_names_or_counts_another_subject()
    {
        var plan = DeterministicPlanner.Plan("Total revenue from paid social users in the last 30 days", _demo.Catalog, SharedDemoWarehouse.Today)!;
        Assert.Empty(PlanValidator.Validate(plan, _demo.Catalog));

        // The issue's failure: the channel filter silently dropped from the SQL.
        var dropped = plan with { Steps = [plan.Steps[0] with { Sql = plan.Steps[0].Sql.Replace("\n  AND u.channel = 'paid_social'", string.Empty, StringComparison.Ordinal) }] };
        Assert.DoesNotContain("paid_social", dropped.Steps[0].Sql, StringComparison.Ordinal);
        Assert.Contains(PlanValidator.Validate(dropped, _demo.Catalog), e => e.Contains("filters on channel = \"paid_social\", but the plan's SQL does not", StringComparison.Ordinal));

        // Counting orders when the question asks for revenue; a word the reading does not account for.
        var counted = plan with { Steps = [plan.Steps[0] with { Sql = "SELECT COUNT(*) AS orders FROM analytics.orders AS o WHERE o.created_at >= TIMESTAMP(DATE_SUB(CURRENT_DATE(), INTERVAL 30 DAY))" }] };
        Assert.Contains(PlanValidator.Validate(counted, _demo.Catalog), e => e.Contains("asks for SUM of orders", StringComparison.Ordinal));
        var unread = plan with { Reading = plan.Reading! with { Question = plan.Reading.Question + " never" } };
        Assert.Contains(PlanValidator.Validate(unread, _demo.Catalog), e => e.Contains("unused: \"never\"", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"\b(email|contact_number|email_opt_in)\b")]
    private static partial Regex PiiColumn();
}
