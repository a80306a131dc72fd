using System.Text.Json.Nodes;
using Autopilot.Core.Agent;
using Autopilot.Core.Agent.Llm;
using Autopilot.Core.Agent.Planning;

namespace Autopilot.Tests.Agent.Llm;

/// <summary>
/// The language-model planner's plan goes through the same accounting as the deterministic planner's: it is used only
/// when its reading accounts for every word of the question and names only values the data holds.
/// </summary>
public sealed class LlmAccountingTests
{
    private const string Question = "Revenue from paid social users in the last 30 days";

    private const string Sql = """
        SELECT SUM(o.amount) AS revenue FROM analytics.orders AS o JOIN analytics.users AS u ON u.user_id = o.user_id
        WHERE u.channel = 'paid_social' AND o.created_at >= TIMESTAMP(DATE_SUB(CURRENT_DATE(), INTERVAL 30 DAY))
        """;

    private static readonly AgentCatalog Catalog = PlannerTestCatalog.Demo() with
    {
        Values = [new ColumnValues("analytics", "users", "channel", ["paid_social", "organic_search", "email"])],
    };

    private static readonly (string Word, string Element)[] AllWords =
    [
        ("Revenue", "measure"), ("from", "filler"), ("paid", "filter"), ("social", "filter"), ("users", "entity"), ("in", "filler"),
        ("the", "filler"), ("last", "window"), ("30", "window"), ("days", "window"),
    ];

    private static string Answer(string sql, IEnumerable<(string Word, string Element)> words, string value) => new JsonObject
    {
        ["goal"] = "Revenue from paid social users over the last 30 days",
        ["steps"] = new JsonArray(new JsonObject { ["step_id"] = "q1", ["sql"] = sql, ["description"] = "Sum of amounts" }),
        ["risks"] = new JsonArray(),
        ["expected_shape"] = "scalar",
        ["reading"] = new JsonObject
        {
            ["words"] = new JsonArray(words.Select(w => (JsonNode?)new JsonObject { ["word"] = w.Word, ["element"] = w.Element }).ToArray()),
            ["subject"] = "orders",
            ["aggregation"] = "SUM",
            ["filters"] = new JsonArray(new JsonObject { ["table"] = "analytics.users", ["column"] = "channel", ["values"] = new JsonArray(value) }),
            ["window"] = "last 30 days",
            ["groupings"] = new JsonArray(),
            ["interpretation"] = "revenue of users whose channel is paid_social over the last 30 days",
        },
    }.ToJsonString();

    private static async Task<(IReadOnlyList<string> Unused, IReadOnlyList<string> Problems)> Account(string answer)
    {
        var plan = await new LlmQuestionPlanner(new ScriptedChatClient(answer), LlmQuestionPlannerTests.Options()).PlanAsync(Question, Catalog, [], CancellationToken.None);
        Assert.NotNull(plan);
        return QuestionAccounting.Check(Question, plan, Catalog);
    }

    [Fact]
    public async Task A_reading_that_uses_every_word_and_a_value_the_data_holds_is_accepted()
    {
        var (unused, problems) = await Account(Answer(Sql, AllWords, "paid_social"));

        Assert.Empty(unused);
        Assert.Empty(problems);
    }

    [Fact]
    public async Task A_plan_that_leaves_question_words_unused_is_rejected_naming_them()
    {
        var (unused, _) = await Account(Answer(Sql.Replace("u.channel = 'paid_social' AND ", string.Empty, StringComparison.Ordinal),
            AllWords.Where(w => w.Word is not ("paid" or "social")), "paid_social"));

        Assert.Equal(["paid", "social"], unused);
    }

    [Fact]
    public async Task A_plan_that_calls_a_content_word_filler_is_rejected()
    {
        var (unused, _) = await Account(Answer(Sql, AllWords.Select(w => w.Word == "social" ? (w.Word, "filler") : w), "paid_social"));

        Assert.Equal(["social"], unused);
    }

    [Fact]
    public async Task A_plan_that_names_a_value_the_data_does_not_hold_is_rejected()
    {
        var (_, problems) = await Account(Answer(Sql.Replace("paid_social", "paid social", StringComparison.Ordinal), AllWords, "paid social"));

        Assert.Contains(problems, p => p.Contains("\"paid social\", which is not a value the data holds", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_plan_without_a_reading_is_not_used()
    {
        var (_, problems) = await Account(LlmQuestionPlannerTests.ValidAnswer());

        Assert.Contains(problems, p => p.Contains("does not say which words", StringComparison.Ordinal));
    }
}
