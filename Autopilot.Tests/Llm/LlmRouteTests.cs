using Autopilot.Tests.Agent;
using Autopilot.Tests.Agent.Llm;
using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Llm;

/// <summary>
/// The language-model routes on a real server whose planner talks to a local chat-completions server: an agent question
/// shows up in <c>/llm/usage</c> as a planner call with the provider's tokens; <c>/llm/status</c> names the model but
/// never the key; a hard cap reached makes the next question answer without calling the model.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class LlmRouteTests : IClassFixture<LlmRouteServer>
{
    private const string Question = "How many orders were placed in the last 30 days?";

    private readonly FakeChatCompletionsServer _llm;
    private readonly HttpClient _http;

    public LlmRouteTests(LlmRouteServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        _llm = server.Llm;
        _http = server.Http;
    }

    [Fact]
    public async Task Status_names_the_model_without_its_key()
    {
        var (status, body) = await _http.SendAsync(HttpMethod.Get, "api/v1/llm/status", null, null);

        Assert.Equal(200, status);
        Assert.Equal(("llm", true, "gpt-test"), (body!["mode"]!.GetValue<string>(), body["configured"]!.GetValue<bool>(), body["model"]!.GetValue<string>()));
        Assert.DoesNotContain(LlmRouteServer.Key, body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agent_question_is_accounted_as_a_planner_call_and_a_reached_hard_cap_stops_the_next_call()
    {
        var tenant = "org_llmroute_" + Guid.NewGuid().ToString("N")[..8];
        await _http.SendAsync(HttpMethod.Post, "api/v1/connectors/bigquery", tenant, "admin", $$"""{"org_id":"{{tenant}}"}""");
        // Not a plan: the planner falls back to the deterministic one, but the call was made and is accounted.
        _llm.AnswerWith("{}");

        var (askStatus, _) = await _http.SendAsync(HttpMethod.Post, "api/v1/agent/run", tenant, "member", AgentRunTests.Ask(tenant, Question));
        var (_, usage) = await _http.SendAsync(HttpMethod.Get, $"api/v1/llm/usage?org_id={tenant}", tenant, "member");

        Assert.Equal(200, askStatus);
        Assert.Equal((1, 321L, 45L), (usage!["total_requests"]!.GetValue<int>(), usage["total_input_tokens"]!.GetValue<long>(), usage["total_output_tokens"]!.GetValue<long>()));
        Assert.Equal(1, usage["by_task"]!["planner"]!["requests"]!.GetValue<int>());
        Assert.Equal("gpt-test", usage["by_provider"]!["primary"]!["model"]!.GetValue<string>());

        var (memberSet, _) = await _http.SendAsync(HttpMethod.Post, $"api/v1/llm/budget?org_id={tenant}", tenant, "member", """{"monthly_usd":0.0001,"hard_cap":true}""");
        var (setStatus, budget) = await _http.SendAsync(HttpMethod.Post, $"api/v1/llm/budget?org_id={tenant}", tenant, "admin", """{"monthly_usd":0.0001,"hard_cap":true}""");
        var requestsBefore = _llm.Requests.Count;
        var (secondStatus, second) = await _http.SendAsync(HttpMethod.Post, "api/v1/agent/run", tenant, "member", AgentRunTests.Ask(tenant, Question));

        Assert.Equal(403, memberSet);
        Assert.Equal(200, setStatus);
        Assert.True(budget!["over_budget"]!.GetValue<bool>() && budget["blocked"]!.GetValue<bool>(), budget.ToJsonString());
        Assert.Equal(200, secondStatus);
        Assert.Equal(requestsBefore, _llm.Requests.Count);
        Assert.True(second!["response_type"]!.GetValue<string>() == "query_result", second.ToJsonString());
    }

    [Theory]
    [InlineData("""{"hard_cap":true}""")]
    [InlineData("""{"monthly_usd":-1}""")]
    [InlineData("""{"monthly_usd":"ten"}""")]
    public async Task A_bad_budget_is_a_422_and_keeps_the_stored_one(string body)
    {
        var tenant = "org_llmbudget_" + Guid.NewGuid().ToString("N")[..8];
        await _http.SendAsync(HttpMethod.Post, $"api/v1/llm/budget?org_id={tenant}", tenant, "admin", """{"monthly_usd":42}""");

        var (status, _) = await _http.SendAsync(HttpMethod.Post, $"api/v1/llm/budget?org_id={tenant}", tenant, "admin", body);
        var (_, stored) = await _http.SendAsync(HttpMethod.Get, $"api/v1/llm/budget?org_id={tenant}", tenant, "member");

        Assert.Equal(422, status);
        Assert.Equal(42m, stored!["budget_usd"]!.GetValue<decimal>());
    }
}
