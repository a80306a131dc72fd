using Autopilot.Core.Agent.Llm;
using Autopilot.Core.Llm;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Autopilot.Core.Memos;

public static class MemoServiceCollectionExtensions
{
    /// <summary>
    /// The memo writer: the language-model writer over the planner's chat client when an LLM is configured
    /// (<paramref name="llm"/> set), otherwise the deterministic writer (MEMO-11).
    /// </summary>
    public static IServiceCollection AddMemos(this IServiceCollection services, LlmPlannerOptions? llm)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (llm is null)
        {
            services.TryAddSingleton<IMemoWriter, DeterministicMemoWriter>();
            return services;
        }

        services.AddAccountedChatClient(llm);
        services.TryAddSingleton<IMemoWriter>(sp => new LlmMemoWriter(
            sp.GetRequiredKeyedService<IChatClient>(LlmPlannerServiceCollectionExtensions.ChatClientKey),
            llm,
            sp.GetService<TimeProvider>(),
            sp.GetService<ILogger<LlmMemoWriter>>()));
        return services;
    }
}
