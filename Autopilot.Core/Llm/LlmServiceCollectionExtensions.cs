using Autopilot.Core.Agent.Llm;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Autopilot.Core.Llm;

public static class LlmServiceCollectionExtensions
{
    /// <summary>The provider name usage records carry for the configured model (LLM-4's <c>primary</c>).</summary>
    public const string PrimaryProvider = "primary";

    /// <summary>
    /// The one chat client every feature shares (keyed <see cref="LlmPlannerServiceCollectionExtensions.ChatClientKey"/>):
    /// the configured provider's client inside <see cref="AccountingChatClient"/>, so no model call goes unaccounted.
    /// </summary>
    public static IServiceCollection AddAccountedChatClient(this IServiceCollection services, LlmPlannerOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.TryAddKeyedSingleton<IChatClient>(LlmPlannerServiceCollectionExtensions.ChatClientKey, (sp, _) => new AccountingChatClient(
            LlmChatClientFactory.Create(options),
            sp.GetRequiredService<LlmUsageStore>(),
            sp.GetRequiredService<LlmBudgets>(),
            sp.GetRequiredService<LlmRates>(),
            PrimaryProvider,
            options.Model,
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetService<ILogger<AccountingChatClient>>()));
        return services;
    }
}
