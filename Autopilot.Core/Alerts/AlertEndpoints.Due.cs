using Autopilot.Core.Alerts.Lifecycle;
using Autopilot.Core.Api;
using Autopilot.Core.Storage;

namespace Autopilot.Core.Alerts;

/// <summary>
/// The explicit escalate and reminder routes (ALERT-7, NTF-7). They act on what is due now with the same conditional
/// transitions as the lifecycle timers and announce under the same event keys, so a due time is escalated, reminded and
/// announced once whichever gets there first. A crash between a route's row change and its announcement is repaired by
/// the alert sweep's next tick (<see cref="AlertLifecycleSweep"/>), which announces a marked change nobody announced.
/// </summary>
public static partial class AlertEndpoints
{
    /// <summary>How long the reminder route waits for its announcements to count their notifications.</summary>
    private static readonly TimeSpan AnnouncementWait = TimeSpan.FromSeconds(10);

    /// <summary><c>POST /api/v1/alerts/escalate</c> (ALERT-7): escalates what is due now; never twice for one due time.</summary>
    public static async Task<ApiResult> Escalate(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.Service<Tenants.TenantStore>().EnsureAsync(context.Tenant, "alerts", context.Cancellation); // TEN-8
        var escalated = await context.Service<AlertStore>().EscalateDueAsync(context.Tenant, Ids.New("escalate"), context.Cancellation);
        await AlertAnnouncements.StartAsync(context.Durable, escalated, context.Cancellation);
        await FollowAllAsync(context, escalated);
        await AuditAsync(context, "alerts_escalated", new { count = escalated.Count });
        return ApiResult.Ok(new { org_id = context.Tenant, escalated = escalated.Count, alert_ids = escalated.Select(e => e.Alert.AlertId).ToList() });
    }

    /// <summary>
    /// <c>POST /api/v1/alerts/reminders/process</c> (NTF-7): reminds every unacknowledged alert whose reminder is due now;
    /// <c>reminders</c> counts the notifications their announcements produced (within a bounded wait).
    /// </summary>
    public static async Task<ApiResult> ProcessReminders(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.Service<Tenants.TenantStore>().EnsureAsync(context.Tenant, "alerts", context.Cancellation); // TEN-8
        var reminded = await context.Service<AlertStore>().RemindDueAsync(context.Tenant, Ids.New("remind"), context.Cancellation);
        await AlertAnnouncements.StartAsync(context.Durable, reminded, context.Cancellation);
        await FollowAllAsync(context, reminded);
        var notificationIds = await AlertAnnouncements.NotificationIdsAsync(context.Durable, reminded, AnnouncementWait, context.Cancellation);
        await AuditAsync(context, "alert_reminders_processed", new { count = notificationIds.Count });
        return ApiResult.Ok(new { org_id = context.Tenant, reminders = notificationIds.Count, notification_ids = notificationIds });
    }

    /// <summary>The lifecycles of what a route performed re-read their alert: its next due time moved.</summary>
    private static async Task FollowAllAsync(ApiContext context, IReadOnlyList<PerformedDue> performed)
    {
        foreach (var done in performed)
        {
            await FollowAsync(context, done.Alert);
        }
    }
}
