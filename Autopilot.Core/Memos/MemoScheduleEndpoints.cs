using System.Globalization;
using Autopilot.Core.Api;
using Autopilot.Core.Audit;

namespace Autopilot.Core.Memos;

/// <summary>HTTP handlers of a tenant's weekly memo schedule (the day, hour and timezone the weekly timer uses).</summary>
public static class MemoScheduleEndpoints
{
    private static readonly string[] DayNames = Enum.GetNames<DayOfWeek>().Select(d => d.ToLowerInvariant()).ToArray();

    /// <summary><c>GET /api/v1/memos/schedule</c>: the tenant's schedule (its own, or the default Monday 08:00 UTC).</summary>
    public static async Task<ApiResult> Get(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (schedule, isDefault) = await context.Service<MemoScheduleStore>().GetAsync(context.Tenant, context.Cancellation);
        return ApiResult.Ok(Describe(context.Tenant, schedule, isDefault));
    }

    /// <summary>
    /// Schema stage of <see cref="Set"/>: every field is required and checked here, so a bad one is a 422 naming it —
    /// an unknown IANA timezone, a day that is not a weekday name, an hour outside 0–23.
    /// </summary>
    public static object BindSchedule(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.BindBody<MemoScheduleRequest>();
        if (string.IsNullOrWhiteSpace(request.TimeZone))
        {
            throw ValidationException.Missing("body", "time_zone");
        }

        if (!IsIanaZone(request.TimeZone))
        {
            throw ValidationException.Invalid("body", "time_zone", "value_error", "Value error, not a known IANA timezone id (e.g. Europe/Berlin, UTC)", request.TimeZone);
        }

        if (string.IsNullOrWhiteSpace(request.Day))
        {
            throw ValidationException.Missing("body", "day");
        }

        var day = Array.IndexOf(DayNames, request.Day.Trim().ToLowerInvariant());
        if (day < 0)
        {
            throw ValidationException.Invalid("body", "day", "enum", "Input should be " + string.Join(", ", DayNames.Select(d => $"'{d}'")), request.Day);
        }

        if (request.Hour is not { } hour)
        {
            throw ValidationException.Missing("body", "hour");
        }

        if (hour is < 0 or > 23)
        {
            throw ValidationException.Invalid("body", "hour", "int_range", "Input should be from 0 to 23", hour);
        }

        return new MemoSchedule(request.TimeZone, (DayOfWeek)day, hour);
    }

    /// <summary><c>POST /api/v1/memos/schedule</c> (admin): sets when the tenant's weekly memo is due; the next timer tick uses it.</summary>
    public static async Task<ApiResult> Set(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var schedule = context.Request<MemoSchedule>();
        var tenant = context.Tenant;
        await context.Service<MemoScheduleStore>().SetAsync(tenant, schedule, context.Cancellation);
        var body = Describe(tenant, schedule, isDefault: false);
        await context.Service<AuditLog>().AppendAsync(tenant, "memo_schedule_updated", body, context.Cancellation);
        return ApiResult.Ok(body);
    }

    /// <summary>
    /// IANA ids only: on Linux the runtime also resolves Windows ids ("W. Europe Standard Time"), which the memo's
    /// windows and other runtimes would not read the same way, so those are refused too.
    /// </summary>
    public static bool IsIanaZone(string id) =>
        id.Length <= 64 && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId;

    private static Dictionary<string, object> Describe(string tenant, MemoSchedule schedule, bool isDefault) => new()
    {
        ["org_id"] = tenant,
        ["time_zone"] = schedule.TimeZone,
        ["day"] = schedule.Day.ToString().ToLower(CultureInfo.InvariantCulture),
        ["hour"] = schedule.Hour,
        ["defaults"] = isDefault,
    };
}
