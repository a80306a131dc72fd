using Autopilot.Core.Agent;
using Autopilot.Core.Agent.Llm;
using Autopilot.Core.Agent.Planning;

namespace Autopilot.Tests.Agent.Llm;

/// <summary>
/// The language-model planner only checks an answer's form; the plan validator judges its meaning. A hallucinated table
/// or column, or a raw PII column, comes back from the planner as a plan and is rejected by the validator, so the run
/// replans or ends as VALIDATION_FAILED and nothing executes.
/// </summary>
public sealed class LlmPlanValidationTests
{
    private static async Task<(AgentPlan Plan, IReadOnlyList<string> Errors)> PlanAndValidate(string sql, string shape = "scalar")
    {
        var catalog = PlannerTestCatalog.Demo();
        var chat = new ScriptedChatClient(LlmQuestionPlannerTests.ValidAnswer(sql, shape));
        var plan = await new LlmQuestionPlanner(chat, LlmQuestionPlannerTests.Options()).PlanAsync("a question", catalog, [], CancellationToken.None);
        Assert.NotNull(plan);
        return (plan, PlanValidator.Validate(plan, catalog));
    }

    [Fact]
    public async Task A_well_formed_llm_plan_over_real_tables_passes_the_validator()
    {
        var (_, errors) = await PlanAndValidate(
            "SELECT DATE(e.timestamp) AS day, COUNT(DISTINCT e.user_id) AS dau FROM analytics.events AS e WHERE e.timestamp >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 14 DAY) GROUP BY day ORDER BY day",
            "series");

        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_hallucinated_table_is_rejected_by_the_validator()
    {
        var (_, errors) = await PlanAndValidate("SELECT COUNT(*) AS n FROM analytics.sessions");

        Assert.Contains(errors, e => e.Contains("analytics.sessions", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_hallucinated_column_is_rejected_by_the_validator()
    {
        var (_, errors) = await PlanAndValidate("SELECT COUNT(DISTINCT ssn) AS people FROM analytics.users");

        Assert.Contains(errors, e => e.Contains("analytics.users.ssn", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_raw_pii_column_the_prompt_forbade_is_rejected_by_the_validator()
    {
        var (_, errors) = await PlanAndValidate("SELECT email FROM analytics.users LIMIT 10", "table");

        Assert.Contains(errors, e => e.Contains("PII", StringComparison.Ordinal) && e.Contains("email", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_write_statement_the_model_was_talked_into_is_rejected_by_the_validator()
    {
        var (_, errors) = await PlanAndValidate("DROP TABLE analytics.users");

        Assert.Contains(errors, e => e.Contains("not one read-only BigQuery query", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_replan_hands_the_validators_errors_to_the_model_and_the_corrected_plan_passes()
    {
        var catalog = PlannerTestCatalog.Demo();
        const string Corrected = "SELECT COUNT(DISTINCT e.user_id) AS users FROM analytics.events AS e WHERE e.timestamp >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 14 DAY)";
        var chat = new ScriptedChatClient(
            LlmQuestionPlannerTests.ValidAnswer("SELECT COUNT(*) AS n FROM analytics.sessions", "scalar"),
            LlmQuestionPlannerTests.ValidAnswer(Corrected, "scalar"));
        var planner = new LlmQuestionPlanner(chat, LlmQuestionPlannerTests.Options());

        var first = await planner.PlanAsync("active users in the last 14 days", catalog, [], CancellationToken.None);
        var errors = PlanValidator.Validate(first!, catalog);
        var second = await planner.PlanAsync("active users in the last 14 days", catalog, errors, CancellationToken.None);

        Assert.NotEmpty(errors);
        Assert.Contains(errors[0], chat.Calls[1].Messages[1].Text, StringComparison.Ordinal);
        Assert.Empty(PlanValidator.Validate(second!, catalog));
    }
}
