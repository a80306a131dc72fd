using Autopilot.Core.Llm;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Autopilot.Core.Agent.Llm;

public static class LlmPlannerServiceCollectionExtensions
{
    /// <summary>The key of the planner's <see cref="IChatClient"/>, so that it cannot be mistaken for another feature's.</summary>
    public const string ChatClientKey = "llm-planner";

    /// <summary>
    /// Registers the language-model planner (<see cref="LlmQuestionPlanner"/>, also as an <see cref="IQuestionPlanner"/>, with
    /// its options and its keyed chat client) when <paramref name="options"/> is set; registers nothing when it is null (the
    /// planner is off). Planners are tried in registration order, so call this before registering the deterministic planner.
    /// </summary>
    public static IServiceCollection AddLlmPlanner(this IServiceCollection services, LlmPlannerOptions? options)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (options is null)
        {
            return services;
        }

        services.TryAddSingleton(options);
        services.AddAccountedChatClient(options);
        services.TryAddSingleton(sp => new LlmQuestionPlanner(
            sp.GetRequiredKeyedService<IChatClient>(ChatClientKey),
            options,
            sp.GetService<TimeProvider>(),
            sp.GetService<ILogger<LlmQuestionPlanner>>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IQuestionPlanner, LlmQuestionPlanner>(sp => sp.GetRequiredService<LlmQuestionPlanner>()));
        return services;
    }
}
