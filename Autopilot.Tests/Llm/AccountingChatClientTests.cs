using Autopilot.Core.Agent.Llm;
using Autopilot.Core.Llm;
using Autopilot.Core.Tenants;
using Autopilot.Tests.Agent.Llm;
using Autopilot.Tests.Infrastructure;
using Microsoft.Extensions.AI;

namespace Autopilot.Tests.Llm;

/// <summary>
/// Every model call is accounted, through the real OpenAI client against a local chat-completions server and the usage
/// table on Azurite: the provider's token counts, the cost by the rate table, the caller named by the scope, failures
/// recorded as failures, and a hard-capped tenant over budget refused before anything is sent.
/// </summary>
public sealed class AccountingChatClientTests : IAsyncLifetime
{
    private static readonly ChatMessage[] Question = [new(ChatRole.User, "hello")];

    private readonly StorageFactory _storage = new(TestEnvironment.NewHubName("llmuse"));
    private FakeChatCompletionsServer _server = null!;
    private LlmUsageStore _usage = null!;
    private LlmBudgets _budgets = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeChatCompletionsServer.StartAsync();
        _usage = new LlmUsageStore(_storage.Tables);
        _budgets = new LlmBudgets(new TenantSettingsStore(_storage.Tables), _usage, TimeProvider.System);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_call_records_the_callers_tenant_and_task_the_reported_tokens_and_the_cost_by_the_rate_table()
    {
        var tenant = NewTenant();
        _server.AnswerWith("{}");
        var rates = LlmRates.Parse("""{"gpt-test":[2.5,10]}""", out _);
        using var chat = Client(rates);

        using (LlmCallScope.Begin(tenant, LlmTasks.Planner))
        {
            await chat.GetResponseAsync(Question);
        }

        var row = Assert.Single(await _usage.ListAsync(tenant, null, null, CancellationToken.None));
        // The fake reports 321 prompt and 45 completion tokens for model gpt-test.
        Assert.Equal((tenant, LlmTasks.Planner, LlmServiceCollectionExtensions.PrimaryProvider, "gpt-test", 321L, 45L, true),
            (row.TenantId, row.Task, row.Provider, row.Model, row.InputTokens, row.OutputTokens, row.Succeeded));
        Assert.Equal(Math.Round((321 * 2.5m + 45 * 10m) / 1_000_000m, 6), row.CostUsd);
        Assert.True(row.LatencyMs > 0);
    }

    [Fact]
    public async Task A_failed_call_is_recorded_as_a_failure_and_the_failure_still_reaches_the_caller()
    {
        var tenant = NewTenant();
        // The client retries a 500 once; both attempts fail.
        _server.FailWith(500, """{"error":{"message":"boom","type":"server_error"}}""");
        _server.FailWith(500, """{"error":{"message":"boom","type":"server_error"}}""");
        using var chat = Client(LlmRates.Default);

        using (LlmCallScope.Begin(tenant, LlmTasks.MemoWriter))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => chat.GetResponseAsync(Question));
        }

        var row = Assert.Single(await _usage.ListAsync(tenant, null, null, CancellationToken.None));
        Assert.Equal((LlmTasks.MemoWriter, false, 0L, 0m), (row.Task, row.Succeeded, row.InputTokens, row.CostUsd));
        Assert.False(string.IsNullOrEmpty(row.Error));
        Assert.DoesNotContain("boom", row.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hard_capped_tenant_over_its_monthly_budget_is_refused_before_the_model_is_called()
    {
        var tenant = NewTenant();
        await _budgets.SetAsync(tenant, new LlmBudget(0.0001m, HardCap: true), CancellationToken.None);
        _server.AnswerWith("{}");
        _server.AnswerWith("{}");
        using var chat = Client(LlmRates.Default);

        using (LlmCallScope.Begin(tenant, LlmTasks.Planner))
        {
            await chat.GetResponseAsync(Question); // 0.000501 USD: now over the 0.0001 budget
            await Assert.ThrowsAsync<LlmBudgetExceededException>(() => chat.GetResponseAsync(Question));
        }

        Assert.Single(_server.Requests);
        Assert.Single(await _usage.ListAsync(tenant, null, null, CancellationToken.None));
    }

    [Fact]
    public async Task A_soft_budget_records_the_overspend_but_never_stops_calls()
    {
        var tenant = NewTenant();
        await _budgets.SetAsync(tenant, new LlmBudget(0.0001m, HardCap: false), CancellationToken.None);
        _server.AnswerWith("{}");
        _server.AnswerWith("{}");
        using var chat = Client(LlmRates.Default);

        using (LlmCallScope.Begin(tenant, LlmTasks.Planner))
        {
            await chat.GetResponseAsync(Question);
            await chat.GetResponseAsync(Question);
        }

        Assert.Equal(2, _server.Requests.Count);
        Assert.False(await _budgets.IsBlockedAsync(tenant, CancellationToken.None));
    }

    [Theory]
    [InlineData("""{"m":[1]}""")]
    [InlineData("""{"m":[-1,2]}""")]
    [InlineData("""["m"]""")]
    [InlineData("""{"m":""")]
    public void A_malformed_rate_table_names_the_setting(string json)
    {
        LlmRates.Parse(json, out var error);

        Assert.NotNull(error);
        Assert.Contains(LlmRates.Setting, error, StringComparison.Ordinal);
    }

    private static string NewTenant() => "org_llmuse_" + Guid.NewGuid().ToString("N")[..8];

    private AccountingChatClient Client(LlmRates rates) => new(
        LlmChatClientFactory.Create(new LlmPlannerOptions
        {
            Provider = LlmProvider.OpenAI,
            Model = "gpt-test",
            ApiKey = "sk-test-123",
            BaseUrl = new Uri(_server.BaseUri, "v1"),
            Timeout = TimeSpan.FromSeconds(30),
        }),
        _usage,
        _budgets,
        rates,
        LlmServiceCollectionExtensions.PrimaryProvider,
        "gpt-test",
        TimeProvider.System);
}
