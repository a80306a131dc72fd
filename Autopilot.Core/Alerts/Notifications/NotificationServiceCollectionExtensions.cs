using Autopilot.Core.Alerts.Notifications.Channels;
using Autopilot.Core.Alerts.Notifications.Delivery;
using Autopilot.Core.Alerts.Notifications.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Autopilot.Core.Alerts.Notifications;

public static class NotificationServiceCollectionExtensions
{
    /// <summary>Routing, the notification store, the channel senders and delivery (issue 12, NTF-1..8).</summary>
    public static IServiceCollection AddAlertNotifications(this IServiceCollection services)
    {
        // Receivers are the tenant's own endpoints: no automatic redirects (a redirect could carry the signed body elsewhere),
        // and connections only to the addresses the guard allows (no calls into the service's own network).
        services.TryAddSingleton<TargetAddressGuard>();
        services.AddHttpClient(HttpChannelSender.ClientName)
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                ConnectCallback = provider.GetRequiredService<TargetAddressGuard>().ConnectHttpAsync,
            });
        services.TryAddSingleton<RoutingStore>();
        services.TryAddSingleton<AlertNotificationStore>();
        services.TryAddSingleton<HttpChannelSender>();
        services.TryAddSingleton<EmailChannelSender>();
        services.TryAddSingleton<NotificationSender>();
        services.TryAddSingleton<NotificationDelivery>();
        return services;
    }
}
