using System.Globalization;
using System.Text.Json;
using Autopilot.Core.Alerts.Lifecycle;
using Autopilot.Core.Api;
using Autopilot.Core.Audit;
using Autopilot.Core.Storage;
using Microsoft.AspNetCore.Http;

namespace Autopilot.Core.Alerts;

/// <summary>
/// HTTP handlers of the alert routes (spec §8, ALERT-1..10). Departures from the seed: bad severities, statuses and
/// durations are 422s (not 500s); a resolved alert cannot be acknowledged or snoozed (409, ALERT-4); a snooze holds
/// escalation only until it expires and does not acknowledge (ALERT-8); a policy value that is not a whole number of
/// minutes (1 to a week) is a 422 naming it instead of being dropped silently.
/// </summary>
public static partial class AlertEndpoints
{
    public const int MaxTitleLength = 200;
    public const int MaxMessageLength = 4_000;
    public const int MaxSnoozeMinutes = 7 * 24 * 60;

    /// <summary>Schema stage of <see cref="Raise"/>.</summary>
    public static object BindRaise(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var body = context.BindBody<AlertRequestBody>();
        var severity = body.Severity ?? "P2";
        if (!AlertPolicy.Severities.Contains(severity, StringComparer.Ordinal))
        {
            throw ValidationException.Invalid("body", "severity", "literal_error", "Input should be 'P0', 'P1', 'P2' or 'P3'", severity);
        }

        foreach (var (name, value, max) in new[] { ("title", body.Title, MaxTitleLength), ("message", body.Message, MaxMessageLength), ("dedupe_key", body.DedupeKey, MaxTitleLength) })
        {
            if (value?.Length > max)
            {
                throw ValidationException.Invalid("body", name, "string_too_long", $"String should have at most {max} characters", null);
            }
        }

        return body with { Severity = severity };
    }

    /// <summary><c>POST /api/v1/alerts</c>: create, or update the live alert with the same dedupe key (ALERT-3).</summary>
    public static async Task<ApiResult> Raise(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var body = context.Request<AlertRequestBody>();
        if (string.IsNullOrEmpty(body.DedupeKey) || string.IsNullOrEmpty(body.Title) || string.IsNullOrEmpty(body.Message))
        {
            throw new ApiException(StatusCodes.Status400BadRequest, "dedupe_key, title, and message are required");
        }

        var request = new AlertRequest(body.DedupeKey, body.Title, body.Message, body.Severity!, body.SourceType ?? "system", body.SourceId);
        await context.Service<Tenants.TenantStore>().EnsureAsync(context.Tenant, "alerts", context.Cancellation); // TEN-8
        var alert = await context.Service<AlertStore>().RaiseAsync(context.Tenant, request, context.Cancellation);
        await Notifications.AlertNotifier.QueueCreatedAsync(context.Durable, alert, context.Cancellation);
        await FollowAsync(context, alert);
        await AuditAsync(context, "alert_created_or_updated", new { alert_id = alert.AlertId, severity = alert.Severity, status = alert.Status });
        return ApiResult.Ok(new
        {
            alert_id = alert.AlertId,
            status = alert.Status,
            severity = alert.Severity,
            next_escalation_at = ApiTime.Format(alert.NextEscalationAt),
            escalated_count = alert.EscalatedCount,
            snoozed_until = ApiTime.Format(alert.SnoozedUntil),
        });
    }

    /// <summary><c>GET /api/v1/alerts</c>: newest first, optionally one status (ALERT-9).</summary>
    public static async Task<ApiResult> List(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var status = context.Query("status");
        if (status is not null && !AlertStatuses.All.Contains(status, StringComparer.Ordinal))
        {
            throw ValidationException.Invalid("query", "status", "literal_error", $"status must be one of {string.Join(", ", AlertStatuses.All)}", status);
        }

        var alerts = await context.Service<AlertStore>().ListAsync(context.Tenant, status, context.Cancellation);
        await AuditAsync(context, "alerts_listed", new { count = alerts.Count, status });
        return ApiResult.Ok(new { org_id = context.Tenant, items = alerts.Select(Item).ToList() });
    }

    /// <summary>Schema stage of <see cref="Acknowledge"/>: a JSON object (422); its <c>user_id</c> is checked after the role (400, as the seed).</summary>
    public static object BindAcknowledge(ApiContext context) => RequiredObject(context);

    /// <summary><c>POST /api/v1/alerts/{alert_id}/ack</c> (ALERT-4); a resolved alert stays resolved (409).</summary>
    public static async Task<ApiResult> Acknowledge(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = UserOf(context.Body!.Value);
        var alert = await ChangeAsync(context, "acknowledged", (a, now) =>
            a with { Status = AlertStatuses.Acknowledged, AcknowledgedAt = a.AcknowledgedAt ?? now, AcknowledgedBy = a.AcknowledgedBy ?? user });
        await FollowAsync(context, alert);
        await AuditAsync(context, "alert_acknowledged", new { alert_id = alert.AlertId, user_id = user });
        return ApiResult.Ok(new { alert_id = alert.AlertId, status = alert.Status, acknowledged_by = alert.AcknowledgedBy });
    }

    /// <summary>Schema stage of <see cref="Snooze"/>: <c>user_id</c>, and <c>duration_minutes</c> a whole number 1–10080 (default 60).</summary>
    public static object BindSnooze(ApiContext context)
    {
        var body = RequiredObject(context);
        var minutes = 60;
        if (body.TryGetProperty("duration_minutes", out var duration) && duration.ValueKind != JsonValueKind.Null
            && !(duration.ValueKind == JsonValueKind.Number && duration.TryGetInt32(out minutes) && minutes is >= 1 and <= MaxSnoozeMinutes))
        {
            throw ValidationException.Invalid("body", "duration_minutes", "int_parsing", $"duration_minutes must be a whole number from 1 to {MaxSnoozeMinutes}", duration.ToString());
        }

        var reason = body.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
        if (reason is { Length: > MaxTitleLength })
        {
            throw ValidationException.Invalid("body", "reason", "string_too_long", $"String should have at most {MaxTitleLength} characters", null);
        }

        return new SnoozeRequest(minutes, reason);
    }

    /// <summary><c>POST /api/v1/alerts/{alert_id}/snooze</c> (ALERT-5): escalation waits until the snooze ends, then resumes.</summary>
    public static async Task<ApiResult> Snooze(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request<SnoozeRequest>();
        var user = UserOf(context.Body!.Value);
        var alert = await ChangeAsync(context, "snoozed", (a, now) =>
            a with { SnoozedUntil = now.AddMinutes(request.Minutes), SnoozedBy = user, SnoozedReason = request.Reason });
        await FollowAsync(context, alert);
        await AuditAsync(context, "alert_snoozed", new { alert_id = alert.AlertId, user_id = user, duration_minutes = request.Minutes });
        return ApiResult.Ok(new { alert_id = alert.AlertId, status = alert.Status, snoozed_until = ApiTime.Format(alert.SnoozedUntil), snoozed_by = alert.SnoozedBy });
    }

    /// <summary><c>POST /api/v1/alerts/{alert_id}/resolve</c> (ALERT-6); resolving again keeps the first resolution time.</summary>
    public static async Task<ApiResult> Resolve(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var alertId = context.RouteValue("alert_id");
        var alert = await context.Service<AlertStore>().UpdateAsync(context.Tenant, alertId,
            (a, now) => a.Status == AlertStatuses.Resolved ? a : a with { Status = AlertStatuses.Resolved, ResolvedAt = now }, context.Cancellation)
            ?? throw new ApiException(StatusCodes.Status404NotFound, "alert not found");
        await FollowAsync(context, alert);
        await AuditAsync(context, "alert_resolved", new { alert_id = alert.AlertId });
        return ApiResult.Ok(new { alert_id = alert.AlertId, status = alert.Status });
    }

    /// <summary><c>GET /api/v1/alerts/policy</c>: the effective escalation minutes per severity (ALERT-2).</summary>
    public static async Task<ApiResult> Policy(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var policy = await context.Service<AlertStore>().PolicyAsync(context.Tenant, context.Cancellation);
        await AuditAsync(context, "alert_policy_viewed", new { policy = policy.Minutes });
        return ApiResult.Ok(new { org_id = context.Tenant, policy = policy.Minutes });
    }

    /// <summary>
    /// Schema stage of <see cref="SetPolicy"/>: each entry of <c>policy</c> a severity and whole minutes (1 to a week), else
    /// 422; a <c>policy</c> that is not an object is the handler's 400 (after the role check, as the seed).
    /// </summary>
    public static object BindPolicy(ApiContext context)
    {
        var body = RequiredObject(context);
        var overrides = new PolicyOverrides(null);
        if (!body.TryGetProperty("policy", out var policy) || policy.ValueKind != JsonValueKind.Object)
        {
            return overrides;
        }

        var minutesBySeverity = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in policy.EnumerateObject())
        {
            if (!AlertPolicy.Severities.Contains(entry.Name, StringComparer.Ordinal))
            {
                throw ValidationException.Invalid("body", "policy." + entry.Name, "literal_error", "policy keys must be P0, P1, P2 or P3", entry.Name);
            }

            if (!(Minutes(entry.Value) is { } minutes && minutes is >= 1 and <= AlertPolicy.MaxMinutes))
            {
                throw ValidationException.Invalid("body", "policy." + entry.Name, "int_parsing", $"minutes must be a whole number from 1 to {AlertPolicy.MaxMinutes}", entry.Value.ToString());
            }

            minutesBySeverity[entry.Name] = minutes;
        }

        return new PolicyOverrides(minutesBySeverity);
    }

    /// <summary><c>POST /api/v1/alerts/policy</c> (admin): merges the given severities; existing alerts keep their schedule.</summary>
    public static async Task<ApiResult> SetPolicy(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var overrides = context.Request<PolicyOverrides>().Minutes ?? throw new ApiException(StatusCodes.Status400BadRequest, "policy must be an object");
        var policy = await context.Service<AlertStore>().SetPolicyAsync(context.Tenant, overrides, context.Cancellation);
        await context.Service<AlertLifecycles>().SignalTenantAsync(context.Durable, context.Tenant, context.Cancellation);
        await AuditAsync(context, "alert_policy_updated", new { policy = policy.Minutes });
        return ApiResult.Ok(new { org_id = context.Tenant, policy = policy.Minutes });
    }

    private static object Item(Alert alert) => new
    {
        alert_id = alert.AlertId,
        title = alert.Title,
        message = alert.Message,
        severity = alert.Severity,
        status = alert.Status,
        escalated_count = alert.EscalatedCount,
        next_escalation_at = ApiTime.Format(alert.NextEscalationAt),
        acknowledged_by = alert.AcknowledgedBy,
        snoozed_until = ApiTime.Format(alert.SnoozedUntil),
        snoozed_by = alert.SnoozedBy,
        snoozed_reason = alert.SnoozedReason,
    };

    /// <summary>Changes a live alert; 404 when unknown, 409 when it is resolved (the seed re-acknowledged resolved alerts).</summary>
    private static async Task<Alert> ChangeAsync(ApiContext context, string doing, Func<Alert, DateTimeOffset, Alert> change) =>
        await context.Service<AlertStore>().UpdateAsync(context.Tenant, context.RouteValue("alert_id"), (alert, now) =>
            alert.Status == AlertStatuses.Resolved
                ? throw new ApiException(StatusCodes.Status409Conflict, $"alert {alert.AlertId} is resolved and cannot be {doing}; raise it again to reopen")
                : change(alert, now), context.Cancellation)
        ?? throw new ApiException(StatusCodes.Status404NotFound, "alert not found");

    private static JsonElement RequiredObject(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Body is { ValueKind: JsonValueKind.Object } body
            ? body
            : throw ValidationException.Invalid("body", "body", "model_attributes_type", "Input should be a valid dictionary or object", null);
    }

    private static string UserOf(JsonElement body) =>
        body.TryGetProperty("user_id", out var user) && user.ValueKind == JsonValueKind.String && user.GetString() is { Length: > 0 and <= MaxTitleLength } id
            ? id
            : throw new ApiException(StatusCodes.Status400BadRequest, "user_id is required");

    private static int? Minutes(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt32(out var n) => n,
        JsonValueKind.String when int.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };

    /// <summary>The alert's lifecycle follows its new state (started, signalled); never fails the request.</summary>
    private static Task FollowAsync(ApiContext context, Alert alert) =>
        context.Service<AlertLifecycles>().SyncAsync(context.Durable, alert, context.Cancellation);

    private static Task AuditAsync(ApiContext context, string eventType, object payload) =>
        context.Service<AuditLog>().AppendAsync(context.Tenant, eventType, payload, context.Cancellation);
}
