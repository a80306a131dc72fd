using Autopilot.Core.Alerts.Notifications.Delivery;
using Autopilot.Core.Alerts.Notifications.Routing;
using Autopilot.Core.Api;
using Autopilot.Core.Audit;
using Autopilot.Core.Storage;
using Microsoft.AspNetCore.Http;

namespace Autopilot.Core.Alerts.Notifications;

/// <summary>
/// HTTP handlers of routing and notifications (spec §8 #34–#36, #38, #39; NTF-1..8). Departures from the seed: channels are
/// validated (422 with the field named); secrets and SMTP passwords are stored protected and never shown; the list is paged;
/// a retry claims its attempt so it never doubles the engine's own scheduled retry of the same notification.
/// </summary>
public static class NotificationEndpoints
{
    /// <summary><c>GET /api/v1/alerts/routing</c> (NTF-1): the routing as stored, secrets shown only as <c>has_secret</c>.</summary>
    public static async Task<ApiResult> Routing(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.Service<Tenants.TenantStore>().EnsureAsync(context.Tenant, "alerts", context.Cancellation); // TEN-8
        var routing = await context.Service<RoutingStore>().GetAsync(context.Tenant, context.Cancellation);
        await AuditAsync(context, "alert_routing_viewed", new { has_channels = routing.Channels.Count > 0 });
        return ApiResult.Ok(new { org_id = context.Tenant, routing = routing.View() });
    }

    /// <summary>Schema stage of <see cref="SetRouting"/>: a JSON object whose <c>routing</c>, when an object, is valid throughout (422).</summary>
    public static object BindRouting(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Body is { ValueKind: System.Text.Json.JsonValueKind.Object } body
            ? RoutingWriteParser.Parse(body)
            : throw ValidationException.Invalid("body", "body", "model_attributes_type", "Input should be a valid dictionary or object", null);
    }

    /// <summary><c>POST /api/v1/alerts/routing</c> (admin, NTF-2): replaces the whole routing.</summary>
    public static async Task<ApiResult> SetRouting(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var write = context.Request<RoutingWrite>();
        if (!write.Present)
        {
            throw new ApiException(StatusCodes.Status400BadRequest, "routing must be an object");
        }

        await context.Service<Tenants.TenantStore>().EnsureAsync(context.Tenant, "alerts", context.Cancellation); // TEN-8
        var routing = await context.Service<RoutingStore>().SetAsync(context.Tenant, write, context.Cancellation);
        // A new ack_reminder_minutes moves every open alert's next reminder: wake their lifecycles to re-plan now.
        await context.Service<Lifecycle.AlertLifecycles>().SignalTenantAsync(context.Durable, context.Tenant, context.Cancellation);
        await AuditAsync(context, "alert_routing_updated", new { channels = routing.Channels.Count });
        return ApiResult.Ok(new { org_id = context.Tenant, routing = routing.View() });
    }

    /// <summary><c>GET /api/v1/alerts/notifications</c>: newest first, paged (<c>limit</c>, <c>cursor</c>), optionally one alert's.</summary>
    public static async Task<ApiResult> List(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var page = PageQuery.From(context);
        var alertId = context.Query("alert_id");
        if (alertId is { Length: 0 or > 64 })
        {
            throw ValidationException.Invalid("query", "alert_id", "string_type", "alert_id must be 1 to 64 characters", null);
        }

        var found = await context.Service<AlertNotificationStore>().PageAsync(context.Tenant, alertId, page, context.Cancellation);
        await AuditAsync(context, "alert_notifications_listed", new { count = found.Items.Count });
        return ApiResult.Ok(new { org_id = context.Tenant, items = found.Items.Select(Item).ToList(), next_cursor = found.NextCursor });
    }

    /// <summary>
    /// <c>POST /api/v1/alerts/notifications/retry</c> (NTF-6): retries each failed notification whose retry is due now.
    /// Each attempt is claimed first; one the engine is already making (or made) is skipped, not repeated.
    /// </summary>
    public static async Task<ApiResult> Retry(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var store = context.Service<AlertNotificationStore>();
        var delivery = context.Service<NotificationDelivery>();
        var now = context.Service<TimeProvider>().GetUtcNow();
        var owner = "retry-route:" + Guid.NewGuid().ToString("N");
        var retried = new List<string>();
        foreach (var due in await store.DueForRetryAsync(context.Tenant, now, context.Cancellation))
        {
            var outcome = await delivery.AttemptAsync(context.Tenant, due.NotificationId, due.RetryCount + 1, owner, context.Cancellation);
            if (outcome.Attempted)
            {
                retried.Add(due.NotificationId);
            }
        }

        await AuditAsync(context, "alert_notifications_retried", new { count = retried.Count });
        return ApiResult.Ok(new { org_id = context.Tenant, retried = retried.Count, notification_ids = retried });
    }

    /// <summary><c>GET /api/v1/alerts/notifications/metrics</c> (NTF-8).</summary>
    public static async Task<ApiResult> Metrics(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var counts = await context.Service<AlertNotificationStore>().CountAsync(context.Tenant, context.Cancellation);
        var body = new
        {
            tenant_id = context.Tenant,
            total = counts.Total,
            sent = counts.Sent,
            failed = counts.Failed,
            queued = counts.Queued,
            retry_backlog = counts.RetryBacklog,
            success_rate_pct = counts.SuccessRatePct,
        };
        await AuditAsync(context, "alert_notifications_metrics_viewed", body);
        return ApiResult.Ok(body);
    }

    private static object Item(AlertNotification n) => new
    {
        notification_id = n.NotificationId,
        alert_id = n.AlertId,
        severity = n.Severity,
        event_type = n.EventType,
        channel_type = n.ChannelType,
        channel_target = n.DisplayTarget,
        recipient = n.Recipient,
        status = n.Status,
        retry_count = n.RetryCount,
        next_retry_at = ApiTime.Format(n.NextRetryAt),
        last_error = n.LastError,
        sent_at = ApiTime.Format(n.SentAt),
        created_at = ApiTime.Format(n.CreatedAt),
    };

    private static Task AuditAsync(ApiContext context, string eventType, object payload) =>
        context.Service<AuditLog>().AppendAsync(context.Tenant, eventType, payload, context.Cancellation);
}
