using Autopilot.Core.Agent;
using Autopilot.Core.Agent.Llm;

namespace Autopilot.Tests.Agent.Llm;

/// <summary>The real client code path (OpenAI library + Microsoft.Extensions.AI adapter) against a local wire-compatible fake.</summary>
public sealed class OpenAiCompatibleClientTests : IAsyncLifetime
{
    private FakeChatCompletionsServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeChatCompletionsServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private LlmPlannerOptions OpenAi(TimeSpan? timeout = null) => new()
    {
        Provider = LlmProvider.OpenAI,
        Model = "gpt-test",
        ApiKey = "sk-test-123",
        BaseUrl = new Uri(_server.BaseUri, "v1"),
        Timeout = timeout ?? TimeSpan.FromSeconds(30),
    };

    private static async Task<AgentPlan?> PlanAsync(LlmPlannerOptions options)
    {
        using var chat = LlmChatClientFactory.Create(options);
        return await new LlmQuestionPlanner(chat, options).PlanAsync("daily active users", PlannerTestCatalog.Demo(), [], CancellationToken.None);
    }

    [Fact]
    public async Task Openai_posts_model_messages_and_the_strict_json_schema_with_a_bearer_key_and_parses_the_answer()
    {
        _server.AnswerWith(LlmQuestionPlannerTests.ValidAnswer());

        var plan = await PlanAsync(OpenAi());

        Assert.NotNull(plan);
        Assert.Equal("llm", plan.Planner);
        Assert.Equal(ResultShape.Series, plan.ExpectedShape);
        Assert.StartsWith("SELECT DATE(timestamp) AS day", Assert.Single(plan.Steps).Sql, StringComparison.Ordinal);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal("Bearer sk-test-123", request.Authorization);
        var body = request.Body;
        Assert.Equal("gpt-test", (string?)body["model"]);
        Assert.Equal(0, (double?)body["temperature"]);
        var messages = body["messages"]!.AsArray();
        Assert.Equal(["system", "user"], messages.Select(m => (string?)m!["role"]));
        Assert.Contains("table analytics.events", messages[1]!["content"]!.ToJsonString(), StringComparison.Ordinal);
        var format = body["response_format"]!;
        Assert.Equal("json_schema", (string?)format["type"]);
        Assert.Equal("agent_plan", (string?)format["json_schema"]!["name"]);
        Assert.True((bool?)format["json_schema"]!["strict"]);
        Assert.Equal(
            ["goal", "steps", "risks", "expected_shape", "reading"],
            format["json_schema"]!["schema"]!["required"]!.AsArray().Select(n => (string?)n));
    }

    [Fact]
    public async Task Azure_posts_to_the_v1_api_of_the_resource_with_the_api_key_header_and_the_deployment_as_model()
    {
        _server.AnswerWith(LlmQuestionPlannerTests.ValidAnswer());
        var options = new LlmPlannerOptions { Provider = LlmProvider.AzureOpenAI, Model = "planner-deployment", ApiKey = "azure-key-456", Endpoint = _server.BaseUri };

        var plan = await PlanAsync(options);

        Assert.NotNull(plan);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("/openai/v1/chat/completions", request.Path);
        Assert.Equal("azure-key-456", request.ApiKey);
        Assert.Equal(string.Empty, request.Authorization);
        Assert.Equal("planner-deployment", (string?)request.Body["model"]);
    }

    [Fact]
    public async Task A_malformed_answer_over_http_gives_null()
    {
        _server.AnswerWith("{\"goal\": \"dau\", \"steps\": [");

        Assert.Null(await PlanAsync(OpenAi()));
    }

    [Fact]
    public async Task A_server_error_is_retried_once_then_gives_null()
    {
        _server.FailWith(500, """{"error":{"message":"overloaded","type":"server_error"}}""");
        _server.FailWith(503, """{"error":{"message":"overloaded","type":"server_error"}}""");

        Assert.Null(await PlanAsync(OpenAi()));
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task An_unauthorized_key_gives_null_without_retrying()
    {
        _server.FailWith(401, """{"error":{"message":"Incorrect API key provided","type":"invalid_request_error"}}""");

        Assert.Null(await PlanAsync(OpenAi()));
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_stalled_service_gives_null_after_the_timeout()
    {
        _server.Stall(TimeSpan.FromSeconds(30));
        _server.Stall(TimeSpan.FromSeconds(30));
        var started = System.Diagnostics.Stopwatch.StartNew();

        Assert.Null(await PlanAsync(OpenAi(TimeSpan.FromSeconds(1))));
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(15), $"took {started.Elapsed}");
    }
}
