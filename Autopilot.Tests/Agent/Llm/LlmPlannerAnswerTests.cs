using System.Text.Json.Nodes;
using Autopilot.Core.Agent;
using Autopilot.Core.Agent.Llm;
using Autopilot.Core.Agent.Planning;
using Autopilot.Core.Sql;
using Autopilot.Tests.Agent.Planning;
using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Agent.Llm;

/// <summary>
/// The language-model planner over the real client and an OpenAI-compatible endpoint on loopback, planning over the
/// profiled demo catalog: its prompt lists the dimension values the catalog knows, and its plan goes through the same
/// planner chain (accounting) and validator as the deterministic planner's — a plan that leaves words unused or names a
/// value the data does not hold is not used; a good one is answered, and its answer checked on DuckDB.
/// </summary>
[Collection(DemoPlanningCollection.Name)]
public sealed class LlmPlannerAnswerTests : IAsyncLifetime
{
    private const string Question = "Revenue from paid social users in the last 30 days";

    private const string GoodSql = """
        SELECT SUM(o.amount) AS revenue
        FROM analytics.orders AS o
          JOIN analytics.users AS u ON u.user_id = o.user_id AND u.created_at <= CURRENT_TIMESTAMP()
        WHERE o.created_at >= TIMESTAMP(DATE_SUB(CURRENT_DATE(), INTERVAL 30 DAY)) AND o.created_at < TIMESTAMP(CURRENT_DATE())
          AND u.channel = 'paid_social'
        """;

    private static readonly (string Word, string Element)[] Words =
    [
        ("Revenue", "measure"), ("from", "filler"), ("paid", "filter"), ("social", "filter"), ("users", "entity"), ("in", "filler"),
        ("the", "filler"), ("last", "window"), ("30", "window"), ("days", "window"),
    ];

    private readonly DemoPlanningCatalog _demo;
    private FakeChatCompletionsServer _server = null!;

    public LlmPlannerAnswerTests(DemoPlanningCatalog demo) => _demo = demo;

    public async Task InitializeAsync() => _server = await FakeChatCompletionsServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_prompt_lists_the_values_the_catalog_knows_for_each_dimension_bounded_and_none_of_a_pii_column()
    {
        _server.AnswerWith(Answer(GoodSql, Words, "paid_social"));

        await PlanAsync(Question, llmOnly: true);

        var prompt = (string)Assert.Single(_server.Requests).Body["messages"]!.AsArray()[1]!["content"]!;
        Assert.Contains("analytics.users.channel: ", prompt, StringComparison.Ordinal);
        Assert.Contains("\"paid_social\"", prompt, StringComparison.Ordinal);
        Assert.Contains("analytics.events.event_name: ", prompt, StringComparison.Ordinal);
        Assert.Contains("\"add_to_cart\"", prompt, StringComparison.Ordinal);
        Assert.DoesNotContain("@example.com", prompt, StringComparison.Ordinal);
        foreach (var line in prompt.Split('\n').Where(l => l.StartsWith("  - analytics.", StringComparison.Ordinal) && l.Contains(": \"", StringComparison.Ordinal)))
        {
            Assert.True(line.Count(c => c == '"') / 2 <= KnownValues.MaxValuesPerColumn, line);
        }
    }

    [Fact]
    public async Task A_model_plan_that_leaves_question_words_unused_is_not_used_and_the_reason_names_them()
    {
        _server.AnswerWith(Answer(GoodSql.Replace("\n  AND u.channel = 'paid_social'", string.Empty, StringComparison.Ordinal),
            Words.Where(w => w.Word is not ("paid" or "social")), null));
        _server.AnswerWith(Answer(GoodSql.Replace("\n  AND u.channel = 'paid_social'", string.Empty, StringComparison.Ordinal),
            Words.Where(w => w.Word is not ("paid" or "social")), null));

        var alone = await PlanAsync(Question, llmOnly: true);
        var chained = await PlanAsync(Question, llmOnly: false);

        Assert.Null(alone.Plan);
        Assert.Contains(alone.Examples, e => e.Contains("unused: \"paid\", \"social\"", StringComparison.Ordinal));

        // Behind it, the deterministic planner reads the whole question: its plan answers instead of the model's.
        Assert.Equal(DeterministicPlanner.Name, chained.Plan?.Planner);
    }

    [Fact]
    public async Task A_model_plan_that_filters_on_a_value_the_data_does_not_hold_is_not_used_and_the_run_asks_about_it()
    {
        const string question = "Revenue from tiktok users in the last 30 days";
        _server.AnswerWith(Answer(GoodSql.Replace("paid_social", "tiktok", StringComparison.Ordinal),
            Words.Where(w => w.Word != "social").Select(w => w.Word == "paid" ? ("tiktok", "filter") : w), "tiktok", question));

        var outcome = await PlanAsync(question, llmOnly: false);

        Assert.Null(outcome.Plan);
        Assert.NotNull(outcome.Clarification);
        Assert.Contains("tiktok", outcome.Clarification.UnusedWords);
    }

    [Fact]
    public async Task A_good_model_plan_is_used_validated_admitted_and_answers_as_the_hand_written_sql()
    {
        _server.AnswerWith(Answer(GoodSql, Words, "paid_social"));

        var outcome = await PlanAsync(Question, llmOnly: false);

        var plan = outcome.Plan;
        Assert.NotNull(plan);
        Assert.Equal("llm", plan.Planner);
        Assert.Empty(PlanValidator.Validate(plan, _demo.Catalog));
        var decision = SqlGate.Evaluate(Assert.Single(plan.Steps).Sql, _demo.Gate);
        Assert.True(decision.Allowed && decision.Reasons.Count == 0, string.Join(" | ", decision.Reasons));
        using var answers = new DemoAnswers(_demo.Path);
        var (actual, expected) = answers.Run(decision.Print(SqlDialect.DuckDb)!,
            $"SELECT SUM(o.amount) AS revenue FROM analytics.orders o JOIN analytics.users u ON u.user_id = o.user_id WHERE u.channel = 'paid_social' AND {PlannerAnswerTests.Days("o.created_at", 30)}");
        Assert.True(expected.Rows[0][0] is double total && total > 0, $"The hand-written query found no revenue: {expected}");
        PlannerAnswerTests.AssertSameAnswer(expected, actual, plan.Steps[0].Sql);
    }

    private async Task<PlanOutcome> PlanAsync(string question, bool llmOnly)
    {
        var options = new LlmPlannerOptions
        {
            Provider = LlmProvider.OpenAI,
            Model = "gpt-test",
            ApiKey = "sk-test-123",
            BaseUrl = new Uri(_server.BaseUri, "v1"),
            Timeout = TimeSpan.FromSeconds(30),
        };
        using var chat = LlmChatClientFactory.Create(options);
        IQuestionPlanner[] planners = llmOnly
            ? [new LlmQuestionPlanner(chat, options)]
            : [new LlmQuestionPlanner(chat, options), new DeterministicPlanner()];
        return await PlannerChain.PlanAsync(planners, question, _demo.Catalog, [], SharedDemoWarehouse.Today, CancellationToken.None);
    }

    private static string Answer(string sql, IEnumerable<(string Word, string Element)> words, string? value, string question = Question) => new JsonObject
    {
        ["goal"] = question,
        ["steps"] = new JsonArray(new JsonObject { ["step_id"] = "q1", ["sql"] = sql, ["description"] = "Sum of order amounts" }),
        ["risks"] = new JsonArray(),
        ["expected_shape"] = "scalar",
        ["reading"] = new JsonObject
        {
            ["words"] = new JsonArray(words.Select(w => (JsonNode?)new JsonObject { ["word"] = w.Word, ["element"] = w.Element }).ToArray()),
            ["subject"] = "orders",
            ["aggregation"] = "SUM",
            ["filters"] = value is null
                ? new JsonArray()
                : new JsonArray(new JsonObject { ["table"] = "analytics.users", ["column"] = "channel", ["values"] = new JsonArray(value) }),
            ["window"] = "last 30 days",
            ["groupings"] = new JsonArray(),
            ["interpretation"] = "revenue of orders over the last 30 days",
        },
    }.ToJsonString();
}
