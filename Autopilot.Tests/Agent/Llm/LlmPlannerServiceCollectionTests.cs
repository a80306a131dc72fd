using Autopilot.Core.Agent;
using Autopilot.Core.Agent.Llm;
using Autopilot.Core.Llm;
using Autopilot.Core.Storage;
using Autopilot.Core.Tenants;
using Autopilot.Tests.Infrastructure;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace Autopilot.Tests.Agent.Llm;

public sealed class LlmPlannerServiceCollectionTests
{
    [Fact]
    public void Without_options_nothing_is_registered()
    {
        var services = new ServiceCollection();

        services.AddLlmPlanner(null);

        Assert.Empty(services);
    }

    [Fact]
    public async Task With_options_the_planner_and_its_keyed_chat_client_resolve()
    {
        var options = LlmQuestionPlannerTests.Options();
        await using var provider = WithAccounting().AddLlmPlanner(options).BuildServiceProvider();

        // Every model call is accounted: the planner's client is the accounting decorator over the provider's.
        Assert.IsType<AccountingChatClient>(provider.GetRequiredKeyedService<IChatClient>(LlmPlannerServiceCollectionExtensions.ChatClientKey));
        Assert.IsAssignableFrom<IQuestionPlanner>(provider.GetRequiredService<LlmQuestionPlanner>());
        Assert.Same(options, provider.GetRequiredService<LlmPlannerOptions>());
        Assert.Null(provider.GetService<IChatClient>());
    }

    [Fact]
    public async Task The_planner_joins_the_planners_in_registration_order_once()
    {
        var services = WithAccounting().AddLlmPlanner(LlmQuestionPlannerTests.Options());
        services.AddSingleton<IQuestionPlanner, NoPlanner>();
        services.AddLlmPlanner(LlmQuestionPlannerTests.Options());
        await using var provider = services.BuildServiceProvider();

        var planners = provider.GetServices<IQuestionPlanner>().ToList();

        Assert.Equal([typeof(LlmQuestionPlanner), typeof(NoPlanner)], planners.Select(p => p.GetType()));
        Assert.Same(provider.GetRequiredService<LlmQuestionPlanner>(), planners[0]);
    }

    /// <summary>What Core registers for the accounting decorator (the usage table, budgets, rates).</summary>
    private static ServiceCollection WithAccounting()
    {
        var services = new ServiceCollection();
        var tables = new TableStorage(new StorageOptions { ConnectionString = TestEnvironment.StorageConnectionString, TablePrefix = TestEnvironment.NewHubName("llmdi") });
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(tables);
        services.AddSingleton<TenantSettingsStore>();
        services.AddSingleton<LlmUsageStore>();
        services.AddSingleton<LlmBudgets>();
        services.AddSingleton(LlmRates.Default);
        return services;
    }

    private sealed class NoPlanner : IQuestionPlanner
    {
        public Task<AgentPlan?> PlanAsync(string question, AgentCatalog catalog, IReadOnlyList<string> previousErrors, CancellationToken cancellation) =>
            Task.FromResult<AgentPlan?>(null);
    }
}
