using Autopilot.Core.Channels.Bindings;
using Autopilot.Core.Channels.Messages;
using Autopilot.Core.Channels.Outbound;
using Autopilot.Core.Channels.Replies;
using Autopilot.Core.Channels.Verification;
using Autopilot.Core.Caching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Autopilot.Core.Channels;

public static class ChannelServiceCollectionExtensions
{
    /// <summary>
    /// Slack and Telegram (issue 13 item 3, CHAN-1..11): bindings, verification with the replay set over the shared
    /// <see cref="RedisConnection"/> (register that first), org resolution, the channel API clients and reply posting.
    /// </summary>
    public static IServiceCollection AddChatChannels(this IServiceCollection services, ChannelOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        // The channel APIs are fixed hosts: no redirects (one could carry a bearer token elsewhere).
        services.AddHttpClient(ChannelHttp.ClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        services.TryAddSingleton(options);
        services.TryAddSingleton<IntegrationBindingStore>();
        services.TryAddSingleton<ChannelOrgResolver>();
        services.TryAddSingleton(sp => new ReplayGuard(sp.GetRequiredService<RedisConnection>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<ReplayGuard>>()));
        services.TryAddSingleton<SlackApiClient>();
        services.TryAddSingleton<TelegramApiClient>();
        services.TryAddSingleton<ChannelReplyPosts>();
        return services;
    }
}
