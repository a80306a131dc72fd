using System.Globalization;

namespace Autopilot.Core.Memos;

/// <summary>
/// Where an instant stands in a tenant's weekly schedule. Pure: the timer passes the clock's instant.
/// </summary>
/// <remarks>
/// The week is the ISO week (Monday first, week-year per ISO 8601) of the instant's local date in the tenant's timezone;
/// the slot is that week's <see cref="MemoSchedule.Day"/> at <see cref="MemoSchedule.Hour"/>:00 local time. A local time the
/// clocks skip (spring forward) falls due when the clocks jump past it; a local time that happens twice (fall back) falls
/// due at its first occurrence.
/// </remarks>
public static class MemoSlotCalculator
{
    public static MemoSlot Current(MemoSchedule schedule, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZone);
        var localNow = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        var isoYear = ISOWeek.GetYear(localNow);
        var isoWeek = ISOWeek.GetWeekOfYear(localNow);
        var slotDate = ISOWeek.ToDateTime(isoYear, isoWeek, schedule.Day);
        var dueAt = ToInstant(zone, DateTime.SpecifyKind(slotDate.AddHours(schedule.Hour), DateTimeKind.Unspecified));
        return new MemoSlot(isoYear, isoWeek, DateOnly.FromDateTime(slotDate), dueAt, now >= dueAt);
    }

    /// <summary>The instant a local wall-clock time names in <paramref name="zone"/>, for skipped and repeated times too.</summary>
    public static DateTimeOffset ToInstant(TimeZoneInfo zone, DateTime local)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (zone.IsAmbiguousTime(local))
        {
            // Repeated hour: the first occurrence is the one with the larger offset (still on summer time).
            var offset = zone.GetAmbiguousTimeOffsets(local).Max();
            return new DateTimeOffset(local, offset);
        }

        if (zone.IsInvalidTime(local))
        {
            // Skipped hour: read with the offset in force before the jump, it names the instant the clocks jumped.
            var before = zone.GetUtcOffset(local.AddDays(-1));
            return new DateTimeOffset(local, before);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
